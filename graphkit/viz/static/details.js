// graphkit page, part 2 of 3: the "why is this here?" panel.
// Every string from the graph is shown with textContent, never parsed as HTML;
// only http(s) addresses become links.
(function () {
  "use strict";
  var app = window.graphkit;
  var details = app.details;
  var network = app.network;
  var panel = document.getElementById("details");
  var relationsOf = null;   // node id -> [edge id], built on first use

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  var plural = app.plural;
  function link(url, text) {
    if (typeof url === "string" && /^https?:\/\//i.test(url)) {
      var a = el("a", null, text || url);
      a.href = url; a.rel = "noopener noreferrer nofollow"; a.target = "_blank";
      return a;
    }
    return el("span", null, text || url);
  }
  function button(text, className, onClick) {
    var b = el("button", className, text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }
  function swatch(type) {
    var group = app.settings.groups[type];
    var s = el("span", "swatch");
    if (group) s.style.backgroundColor = group.color.background;
    return s;
  }
  function open(kind) {
    while (panel.firstChild) panel.removeChild(panel.firstChild);
    panel.setAttribute("data-showing", kind);
    panel.scrollTop = 0;
  }

  // An article: its title as a link when its address is a web address; the outlet, the date,
  // any other kind of address (shown, never followed) and the source file as notes.
  function source(container, index, extra) {
    var a = details.articles[index] || {};
    var web = /^https?:\/\//i.test(a.url || "");
    container.appendChild(link(web ? a.url : "", a.title || a.url || a.source || a.iri));
    var meta = [a.outlet, a.date, a.url && !web ? "address: " + a.url : "", a.url ? "" : a.source, extra];
    meta = meta.filter(Boolean).join(" · ");
    if (meta) container.appendChild(el("span", "meta", meta));
    return container;
  }

  // "$16,500,000" for 16500000 USD; the code and the number when the browser does not know the code.
  function money(amount, currency) {
    try {
      return new Intl.NumberFormat("en", { style: "currency", currency: currency, currencyDisplay: "symbol",
                                           minimumFractionDigits: 0, maximumFractionDigits: 2 })
        .format(Number(amount)) + (currency === "USD" ? "" : " (" + currency + ")");
    } catch (e) {
      return currency + " " + amount;
    }
  }

  function relationIndex() {
    if (relationsOf) return relationsOf;
    relationsOf = {};
    Object.keys(details.edges).forEach(function (id) {
      var d = details.edges[id];
      (relationsOf[d.from] = relationsOf[d.from] || []).push(id);
      if (d.to !== d.from) (relationsOf[d.to] = relationsOf[d.to] || []).push(id);
    });
    return relationsOf;
  }

  // The relation as a sentence, the entity whose panel this is in grey.
  function relationItem(nodeId, edgeId) {
    var d = details.edges[edgeId];
    var b = button(undefined, "relation statement-line", function () { app.selectEdge(edgeId); });
    b.appendChild(el("span", d.from === nodeId ? "self" : null, details.nodes[d.from].label));
    b.appendChild(el("span", "predicate", " " + d.label + " "));
    b.appendChild(el("span", d.to === nodeId ? "self" : null, details.nodes[d.to].label));
    var item = el("li");
    item.appendChild(b);
    item.appendChild(el("span", "meta", d.fromQuery ? "from the query" : plural(d.support, "source")));
    if (!app.isEdgeShown(edgeId)) item.classList.add("is-hidden");
    return item;
  }

  function showNode(id) {
    var d = details.nodes[id];
    if (!d) return;
    open("node");
    var kicker = el("p", "kicker");
    kicker.appendChild(swatch(d.type));
    kicker.appendChild(document.createTextNode(d.typeLabel));
    panel.appendChild(kicker);
    panel.appendChild(el("h2", "title", d.label));
    if (!app.isShown(id)) panel.appendChild(el("p", "note", "Hidden by the current filters."));
    var facts = el("dl", "facts");
    function fact(name, value) {
      facts.appendChild(el("dt", null, name));
      facts.appendChild(value);
    }
    if (d.names.length) fact("Also called", el("dd", "names", d.names.join(", ")));
    if (d.wikidata) {
      var wikidata = el("dd");
      wikidata.appendChild(link("https://www.wikidata.org/wiki/" + d.wikidata, d.wikidata));
      fact("Wikidata", wikidata);
    }
    fact("Identifier", el("dd", "iri", id));
    panel.appendChild(facts);
    var rels = (relationIndex()[id] || []).slice().sort(function (a, b) {   // best supported first
      return details.edges[b].support - details.edges[a].support || (a < b ? -1 : 1);
    });
    panel.appendChild(el("h3", null, "Relations (" + rels.length + ")"));
    var list = el("ul", "relations");
    rels.forEach(function (edgeId) { list.appendChild(relationItem(id, edgeId)); });
    if (rels.length) panel.appendChild(list); else panel.appendChild(el("p", "muted", "No relation in this drawing."));
    panel.appendChild(el("h3", null, "Mentioned in " + plural(d.articles.length, "article")));
    var arts = el("ul", "articles");
    d.articles.forEach(function (index) { arts.appendChild(source(el("li", "article"), index)); });
    panel.appendChild(arts);
  }

  function showEdge(id) {
    var d = details.edges[id];
    if (!d) return;
    open("edge");
    panel.appendChild(el("p", "kicker", d.fromQuery ? "Relation from the query"
      : "Relation · " + plural(d.support, "source") + " in " + plural(d.articles, "article")));
    var heading = el("h2", "title statement");
    heading.appendChild(button(details.nodes[d.from].label, "entity", function () { app.selectNode(d.from); }));
    heading.appendChild(el("span", "predicate", " " + d.label + " "));
    heading.appendChild(button(details.nodes[d.to].label, "entity", function () { app.selectNode(d.to); }));
    panel.appendChild(heading);
    if (!app.isEdgeShown(id)) panel.appendChild(el("p", "note", "Hidden by the current filters."));
    if (d.fromQuery) panel.appendChild(el("p", "note", "No article sentence states this relation: the query derived it."));
    if (!d.evidence.length) return;
    panel.appendChild(el("h3", null, "Evidence"));
    var list = el("ol", "evidence");
    d.evidence.forEach(function (ev) {
      var item = el("li");
      item.appendChild(el("blockquote", null, ev.text));
      if (ev.amount) item.appendChild(el("p", "amount", "Amount: " + money(ev.amount, ev.currency)));
      var confidence = typeof ev.confidence === "number" ? "confidence " + ev.confidence : "";
      item.appendChild(source(el("p", "source"), ev.article, confidence));
      list.appendChild(item);
    });
    panel.appendChild(list);
  }

  function showOverview() {
    open("overview");
    panel.appendChild(el("p", "kicker", "About this drawing"));
    panel.appendChild(el("h2", "title", "Why is this here?"));
    panel.appendChild(el("p", null, "Click an entity to see its names and the articles that mention it; " +
      "click a relation to read every sentence that states it, with its source."));
    var sizes = app.settings.sizeBy === "support" ? "the more evidence sentences its relations have"
      : "the more relations it has";
    panel.appendChild(el("p", "muted", "The larger a shape, " + sizes +
      "; the thicker a line, the more sources state it."));
    var degree = app.degree;
    var top = Object.keys(degree).sort(function (a, b) { return degree[b] - degree[a] || (a < b ? -1 : 1); }).slice(0, 8);
    if (!top.length) return;
    panel.appendChild(el("h3", null, "Most connected"));
    var list = el("ul", "relations");
    top.forEach(function (id) {
      var item = el("li");
      var b = button(details.nodes[id].label, "relation", function () { app.selectNode(id); });
      b.insertBefore(swatch(details.nodes[id].type), b.firstChild);
      item.appendChild(b);
      item.appendChild(el("span", "meta", plural(degree[id], "relation")));
      list.appendChild(item);
    });
    panel.appendChild(list);
  }

  app.showNode = showNode;
  app.showEdge = showEdge;
  app.selectNode = function (id) {
    if (app.isShown(id)) {
      network.selectNodes([id]);
      network.focus(id, { scale: Math.max(network.getScale(), 1.1),
                          animation: { duration: 350, easingFunction: "easeInOutQuad" } });
    } else {
      network.unselectAll();
    }
    showNode(id);
  };
  app.selectEdge = function (id) {
    if (app.isEdgeShown(id)) network.selectEdges([id]); else network.unselectAll();
    showEdge(id);
  };

  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
    else showOverview();
  });
  showOverview();
})();
