// graphkit page, part 1 of 3: draws the network from the JSON data block.
// The vis-network instance is the global `network` (graphkit's page contract);
// `graphkit` holds the data and the functions the other two parts share.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var settings = data.settings;
  var details = data.details;
  var count = new Intl.NumberFormat("en");
  function plural(n, word, words) { return count.format(n) + " " + (n === 1 ? word : (words || word + "s")); }

  // Tooltips (plain text: vis-network shows a string title with innerText) and edge labels.
  // A large graph gets its edge labels and arrows only once zoomed in far enough to read them.
  var degree = {};
  data.edges.forEach(function (e) {
    var d = details.edges[e.id];
    d.from = e.from; d.to = e.to;
    degree[e.from] = (degree[e.from] || 0) + 1;
    degree[e.to] = (degree[e.to] || 0) + 1;
    e.title = details.nodes[e.from].label + " " + d.label + " " + details.nodes[e.to].label + " · " +
      (d.fromQuery ? "from the query" : plural(d.support, "source"));
    if (!settings.large) e.label = d.label;
  });
  data.nodes.forEach(function (n) {
    var d = details.nodes[n.id];
    if (settings.physics && !degree[n.id]) n.fixed = true;   // unrelated entities hold their grid while physics runs
    n.title = d.label + " · " + d.typeLabel + " · " + plural(degree[n.id] || 0, "relation");
  });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var shown = { nodes: null, edges: null };   // ids to draw; null draws all
  function isShown(id) { return shown.nodes === null || shown.nodes.has(id); }
  function isEdgeShown(id) { return shown.edges === null || shown.edges.has(id); }
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return isShown(n.id); } });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return isEdgeShown(e.id); } });
  var font = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

  var options = {
    autoResize: true,
    groups: settings.groups,
    nodes: {
      borderWidth: 1.5, borderWidthSelected: 3,
      font: { face: font, size: 14, color: "#1f2933", strokeWidth: 4, strokeColor: "#ffffff" },
      scaling: { label: { drawThreshold: 8 } }
    },
    edges: {
      color: { color: settings.edge.color, highlight: settings.edge.highlight, hover: settings.edge.highlight,
               opacity: 0.9 },
      arrows: { to: { enabled: !settings.large, scaleFactor: 0.45 } },
      font: { face: font, size: 10, color: settings.edge.label, strokeWidth: 3, strokeColor: "#ffffff" },
      smooth: settings.physics ? { enabled: true, type: "continuous", roundness: 0.2 } : false,
      selectionWidth: 1.5, hoverWidth: 0.5, scaling: { label: { drawThreshold: 8 } }
    },
    interaction: {
      hover: !settings.large, tooltipDelay: 250, hideEdgesOnDrag: settings.large, hideEdgesOnZoom: settings.large,
      keyboard: false, multiselect: false
    },
    layout: { randomSeed: 7, improvedLayout: false },
    physics: settings.physics ? {
      enabled: true, solver: "barnesHut",
      barnesHut: { gravitationalConstant: -3000, centralGravity: 0, springLength: 110, springConstant: 0.03,
                   damping: 0.4, avoidOverlap: 0.1 },
      stabilization: { enabled: true, iterations: 100, updateInterval: 25, fit: true },
      minVelocity: 2
    } : { enabled: false }
  };

  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);
  window.network = network;

  // Positions live in the DataSet, so that a node hidden by a filter comes back where it was.
  function keepPositions(ids) {
    var positions = network.getPositions(ids);
    nodes.update(Object.keys(positions).map(function (id) {
      return { id: id, x: Math.round(positions[id].x), y: Math.round(positions[id].y), fixed: false };
    }));
  }
  network.on("dragEnd", function (params) { if (params.nodes.length) keepPositions(params.nodes); });

  var detailed = !settings.large;
  function addDetail() {
    if (detailed || network.getScale() < 0.35) return;
    detailed = true;
    edges.update(data.edges.map(function (e) { return { id: e.id, label: details.edges[e.id].label }; }));
    network.setOptions({ edges: { arrows: { to: { enabled: true, scaleFactor: 0.45 } } } });
  }
  network.on("zoom", addDetail);
  network.on("animationFinished", addDetail);

  // Labels that can be read at the zoom the view was fitted to: the best-connected shown entities, as
  // many as the drawing has room for, get labels of at least READABLE px on screen; the others keep the
  // base size, which vis-network does not draw below LABEL_THRESHOLD px, so they appear on zooming in.
  var READABLE = 12, BASE_FONT = 14, LABEL_AREA = 14000;
  function readableLabels() {
    if (settings.large) { container.setAttribute("data-fitted", "true"); return; }
    var scale = network.getScale() || 1;
    var big = Math.round(Math.min(120, Math.max(BASE_FONT, READABLE / scale)));
    var box = container.getBoundingClientRect();
    var room = Math.max(8, Math.round(box.width * box.height / LABEL_AREA));
    var ids = nodeView.getIds().sort(function (a, b) {
      return (degree[b] || 0) - (degree[a] || 0) || (details.nodes[a].label < details.nodes[b].label ? -1 : 1);
    });
    var labelled = new Set(ids.slice(0, room));
    nodes.update(data.nodes.map(function (n) {
      return { id: n.id, font: { size: labelled.has(n.id) ? big : BASE_FONT } };
    }));
    container.setAttribute("data-fitted", "true");     // for scripts and tests: the view and labels are settled
  }
  // Fit the shown entities into the view (after a filter, and at first), then size the labels.
  function refit(animate) {
    container.removeAttribute("data-fitted");
    if (animate) {
      network.once("animationFinished", readableLabels);
      network.fit({ animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    } else {
      network.fit();
      readableLabels();
    }
  }

  function ready() {
    refit(false);
    document.body.setAttribute("data-ready", "true");
    window.graphkitReadyAt = performance.now();
  }
  if (settings.physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      keepPositions();
      network.once("afterDrawing", ready);
      network.redraw();
    });
  } else {
    network.once("afterDrawing", ready);
  }

  window.graphkit = {
    data: data,
    details: details,
    degree: degree,
    plural: plural,
    network: network,
    settings: settings,
    // Draw only these node and edge ids (Sets); the others stay in the data.
    show: function (nodeIds, edgeIds) {
      shown.nodes = nodeIds;
      shown.edges = edgeIds;
      nodeView.refresh();
      edgeView.refresh();
    },
    isShown: isShown,
    isEdgeShown: isEdgeShown,
    refit: refit
  };

  document.getElementById("fit").addEventListener("click", function () { refit(true); });
})();
