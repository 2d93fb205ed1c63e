// The query page: run the editor's query against /sparql and show the results as a table.
(function () {
  "use strict";
  var ID = "https://w3id.org/pactgraph/id/";
  var form = document.getElementById("query-form");
  var editor = document.getElementById("query");
  var status = document.getElementById("status");
  var results = document.getElementById("results");
  var downloads = document.getElementById("downloads");
  var examples = JSON.parse(document.getElementById("examples-data").textContent || "[]");

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function short(iri) {
    if (iri.indexOf(ID) === 0) return "id:" + iri.slice(ID.length);
    var cut = Math.max(iri.lastIndexOf("#"), iri.lastIndexOf("/"));
    return cut > 0 && cut < iri.length - 1 ? iri.slice(cut + 1) : iri;
  }

  function cell(term) {
    var td = el("td");
    if (!term) return td;
    if (term.type === "uri") {
      var local = term.value.indexOf(ID) === 0;
      var a = el("a", { href: local ? "/id/" + term.value.slice(ID.length) : term.value, title: term.value },
                 short(term.value));
      if (!local) a.setAttribute("rel", "noopener");
      td.appendChild(a);
    } else if (term.type === "bnode") {
      td.textContent = "_:" + term.value;
    } else {
      td.textContent = term.value;
      if (term["xml:lang"]) td.appendChild(el("span", { "class": "lang" }, "@" + term["xml:lang"]));
    }
    return td;
  }

  function showTable(data, truncated) {
    results.textContent = "";
    if (data.boolean !== undefined) {
      results.appendChild(el("p", { "class": "boolean" }, data.boolean ? "true" : "false"));
      status.textContent = "answer: " + data.boolean;
      return;
    }
    var vars = data.head.vars || [];
    var rows = data.results.bindings || [];
    var table = el("table", { id: "results-table" });
    var head = el("tr");
    vars.forEach(function (v) { head.appendChild(el("th", {}, v)); });
    table.appendChild(el("thead")).appendChild(head);
    var body = el("tbody");
    rows.forEach(function (row) {
      var tr = el("tr");
      vars.forEach(function (v) { tr.appendChild(cell(row[v])); });
      body.appendChild(tr);
    });
    table.appendChild(body);
    results.appendChild(table);
    status.textContent = rows.length + " row" + (rows.length === 1 ? "" : "s") +
      (truncated ? " (cut at the server's row limit)" : "");
  }

  function setDownloads(query, graph) {
    var csv = document.getElementById("download-csv");
    var json = document.getElementById("download-json");
    var first = graph ? "turtle" : "csv", second = graph ? "jsonld" : "json";
    csv.textContent = graph ? "Turtle" : "CSV";
    json.textContent = graph ? "JSON-LD" : "JSON";
    csv.href = "/sparql?" + new URLSearchParams({ query: query, format: first, download: "1" });
    json.href = "/sparql?" + new URLSearchParams({ query: query, format: second, download: "1" });
    csv.setAttribute("download", "results." + (graph ? "ttl" : "csv"));
    json.setAttribute("download", "results." + (graph ? "jsonld" : "json"));
    downloads.hidden = false;
  }

  function run(event) {
    if (event) event.preventDefault();
    var query = editor.value;
    status.textContent = "running…";
    results.textContent = "";
    downloads.hidden = true;
    var started = performance.now();
    fetch("/sparql", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded",
                 "Accept": "application/sparql-results+json, text/turtle;q=0.9" },
      body: new URLSearchParams({ query: query })
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      var truncated = response.headers.get("Pactgraph-Truncated") === "true";
      return response.text().then(function (text) {
        var seconds = ((performance.now() - started) / 1000).toFixed(2);
        if (!response.ok) {
          status.textContent = "error " + response.status;
          results.appendChild(el("pre", { "class": "error", id: "query-error" }, text));
          return;
        }
        if (type.indexOf("json") >= 0) {
          showTable(JSON.parse(text), truncated);
          setDownloads(query, false);
        } else {
          results.appendChild(el("pre", { "class": "graph-result" }, text));
          status.textContent = (response.headers.get("Pactgraph-Rows") || "?") + " triples";
          setDownloads(query, true);
        }
        status.textContent += " in " + seconds + " s";
      });
    }).catch(function (error) {
      status.textContent = "request failed: " + error;
    });
  }

  form.addEventListener("submit", run);
  editor.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) run(event);
  });
  Array.prototype.forEach.call(document.querySelectorAll("button.example"), function (button) {
    button.addEventListener("click", function () {
      editor.value = examples[Number(button.dataset.index)].text;
      run();
    });
  });
})();
