// The ego-network view of an entity page, drawn with the vendored Cytoscape.js.
(function () {
  "use strict";
  var container = document.getElementById("graph");
  if (!container || typeof cytoscape === "undefined") return;
  var colours = { state: "#2b6cb0", organization: "#c05621", person: "#6b46c1", mission: "#2f855a",
                  agreement: "#b7791f", other: "#718096" };
  fetch(container.dataset.src, { headers: { Accept: "application/json" } })
    .then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    })
    .then(function (data) {
      var cy = cytoscape({
        container: container,
        elements: { nodes: data.nodes, edges: data.edges },
        wheelSensitivity: 0.3,
        style: [
          { selector: "node", style: {
              "label": "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 4,
              "width": 18, "height": 18, "color": "#1a202c", "text-wrap": "ellipsis", "text-max-width": 140,
              "background-color": function (n) { return colours[n.data("kind")] || colours.other; } } },
          { selector: "node[kind = 'agreement']", style: { "shape": "round-rectangle" } },
          { selector: "node[?center]", style: { "width": 30, "height": 30, "font-weight": "bold",
                                                "border-width": 3, "border-color": "#1a202c" } },
          { selector: "edge", style: {
              "width": 1.5, "line-color": "#a0aec0", "curve-style": "bezier", "target-arrow-shape": "triangle",
              "target-arrow-color": "#a0aec0", "label": "data(label)", "font-size": 9, "color": "#4a5568",
              "text-rotation": "autorotate" } },
          { selector: "edge[label = 'partnerOf']", style: { "line-color": "#2b6cb0", "target-arrow-shape": "none",
                                                            "width": 2.5 } }
        ],
        layout: { name: "concentric", animate: false, minNodeSpacing: 30,
                  concentric: function (n) {
                    return n.data("center") ? 3 : n.data("kind") === "agreement" ? 2 : 1;
                  },
                  levelWidth: function () { return 1; } }
      });
      cy.on("tap", "node", function (event) {
        var href = event.target.data("href");
        if (href && !event.target.data("center")) window.location.assign(href);
      });
      if (cy.edges().length > 40) cy.edges().style("label", "");  // too many to read: labels on hover only
      cy.on("mouseover", "edge", function (event) { event.target.style("label", event.target.data("label")); });
      window.pactgraphCy = cy;
      container.setAttribute("data-nodes", String(cy.nodes().length));
    })
    .catch(function (error) {
      container.textContent = "The network could not be drawn: " + error.message;
    });
})();
