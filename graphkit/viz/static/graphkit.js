// graphkit page: builds the vis-network from the JSON data block.
// Everything from articles is shown with textContent, never as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("network");
  var options = {
    physics: { stabilization: { iterations: 200 }, barnesHut: { gravitationalConstant: -8000, springLength: 160 } },
    edges: { font: { size: 10, align: "middle" }, smooth: { type: "dynamic" } },
    nodes: { font: { size: 14 } },
    interaction: { hover: true, tooltipDelay: 150 }
  };
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  window.network = network;
  window.graphkitData = data;

  var panel = document.getElementById("details");
  function el(tag, text) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text; return e; }
  function safeLink(url, text) {
    if (/^https?:\/\//i.test(url)) {
      var a = el("a", text || url); a.href = url; a.rel = "noopener noreferrer nofollow"; a.target = "_blank"; return a;
    }
    return el("span", text || url);
  }
  function clear() { while (panel.firstChild) panel.removeChild(panel.firstChild); }

  function showNode(id) {
    var d = data.details.nodes[id]; if (!d) return;
    clear();
    panel.appendChild(el("h2", d.label));
    panel.appendChild(el("p", d.type));
    if (d.names.length) panel.appendChild(el("p", "Also called: " + d.names.join(", ")));
    if (d.wikidata) { var p = el("p", "Wikidata: "); p.appendChild(safeLink("https://www.wikidata.org/wiki/" + encodeURIComponent(d.wikidata), d.wikidata)); panel.appendChild(p); }
    if (d.articles.length) {
      panel.appendChild(el("h3", "Mentioned in"));
      var ul = el("ul");
      d.articles.forEach(function (a) { var li = el("li"); li.appendChild(safeLink(a.url, a.title || a.iri)); if (a.date) li.appendChild(el("span", " (" + a.date + ")")); ul.appendChild(li); });
      panel.appendChild(ul);
    }
  }

  function showEdge(id) {
    var d = data.details.edges[id]; if (!d) return;
    clear();
    var from = data.details.nodes[d.from], to = data.details.nodes[d.to];
    panel.appendChild(el("h2", from.label + " " + d.predicate + " " + to.label));
    panel.appendChild(el("p", "Stated " + d.support + " time(s)."));
    d.evidence.forEach(function (ev) {
      panel.appendChild(el("blockquote", ev.text));
      var src = el("p", "Source: ");
      src.appendChild(safeLink(ev.url, ev.title || ev.article));
      if (ev.date) src.appendChild(el("span", ", " + ev.date));
      panel.appendChild(src);
    });
  }

  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });
  network.once("stabilizationIterationsDone", function () { document.body.setAttribute("data-ready", "true"); });
})();
