// graphkit page, part 3 of 3: find and filter.
// The search box jumps to an entity by any of its names; the type and relation
// check boxes, the minimum-support slider and "hide entities with no shown
// relation" choose what is drawn. Nothing is removed from the data.
(function () {
  "use strict";
  var app = window.graphkit;
  var data = app.data;
  var details = app.details;

  var typeBoxes = [].slice.call(document.querySelectorAll("input[name=type]"));
  var predicateBoxes = [].slice.call(document.querySelectorAll("input[name=predicate]"));
  var slider = document.getElementById("min-support");
  var sliderValue = document.getElementById("min-support-value");
  var hideIsolated = document.getElementById("hide-isolated");
  var counter = document.getElementById("visible-count");
  var count = new Intl.NumberFormat("en");

  function checked(boxes) {
    var set = new Set();
    boxes.forEach(function (b) { if (b.checked) set.add(b.value); });
    return set;
  }

  function apply(event) {
    var types = checked(typeBoxes), predicates = checked(predicateBoxes);
    var minSupport = Number(slider.value), hide = hideIsolated.checked;
    var edgeIds = new Set(), linked = new Set();
    data.edges.forEach(function (e) {
      var d = details.edges[e.id];
      if (predicates.has(d.predicate) && d.support >= minSupport &&
          types.has(details.nodes[e.from].type) && types.has(details.nodes[e.to].type)) {
        edgeIds.add(e.id); linked.add(e.from); linked.add(e.to);
      }
    });
    var nodeIds = new Set();
    data.nodes.forEach(function (n) {
      if (types.has(details.nodes[n.id].type) && (!hide || linked.has(n.id))) nodeIds.add(n.id);
    });
    sliderValue.textContent = slider.value;
    app.show(nodeIds, edgeIds);
    if (event) app.refit(true);        // a filter the reader changed: show what is left, readably
    counter.textContent = "Showing " + count.format(nodeIds.size) + " of " + count.format(data.nodes.length) +
      " entities and " + count.format(edgeIds.size) + " of " + count.format(data.edges.length) + " relations";
  }

  typeBoxes.concat(predicateBoxes, [hideIsolated]).forEach(function (b) { b.addEventListener("change", apply); });
  slider.addEventListener("input", function () { apply(); });
  slider.addEventListener("change", apply);        // refit once the slider is let go
  [].slice.call(document.querySelectorAll("button[data-bulk]")).forEach(function (b) {
    b.addEventListener("click", function () {
      var boxes = b.getAttribute("data-bulk") === "types" ? typeBoxes : predicateBoxes;
      boxes.forEach(function (box) { box.checked = b.getAttribute("data-value") === "all"; });
      apply(true);
    });
  });
  counter.textContent = "Showing all " + count.format(data.nodes.length) + " entities and " +
    count.format(data.edges.length) + " relations";
  if (hideIsolated.checked) apply();     // set aside at first when they would crowd the drawing

  // Search: label first, then other names; exact, then prefix, then anywhere.
  var input = document.getElementById("search");
  var results = document.getElementById("search-results");
  var index = null;   // built on the first search
  function searchIndex() {
    index = index || data.nodes.map(function (n) {
      var d = details.nodes[n.id];
      var names = d.names.map(function (x) { return x.toLowerCase(); });
      return { id: n.id, label: d.label, label_lc: d.label.toLowerCase(), names_lc: names };
    });
    return index;
  }
  var active = -1, found = [];

  function rank(entry, q) {
    if (entry.label_lc === q) return 0;
    if (entry.names_lc.indexOf(q) >= 0) return 1;
    if (entry.label_lc.lastIndexOf(q, 0) === 0) return 2;
    if (entry.label_lc.indexOf(" " + q) >= 0) return 3;
    if (entry.label_lc.indexOf(q) >= 0) return 4;
    if (entry.names_lc.some(function (x) { return x.indexOf(q) >= 0; })) return 5;
    return -1;
  }

  function search(text) {
    var q = text.trim().toLowerCase();
    if (!q) return [];
    var hits = [];
    searchIndex().forEach(function (entry) {
      var r = rank(entry, q);
      if (r >= 0) hits.push({ id: entry.id, label: entry.label, rank: r });
    });
    hits.sort(function (a, b) {
      return a.rank - b.rank || a.label.length - b.label.length || (a.label < b.label ? -1 : 1);
    });
    return hits.slice(0, 10);
  }

  function close() { results.hidden = true; input.setAttribute("aria-expanded", "false"); active = -1; }

  function render() {
    while (results.firstChild) results.removeChild(results.firstChild);
    if (!input.value.trim()) { close(); return; }
    if (!found.length) {
      var none = document.createElement("li"); none.className = "empty"; none.textContent = "No entity by that name";
      results.appendChild(none);
    }
    found.forEach(function (hit, i) {
      var li = document.createElement("li");
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", i === active ? "true" : "false");
      var name = document.createElement("span"); name.className = "name"; name.textContent = hit.label;
      var type = document.createElement("span"); type.className = "type";
      type.textContent = details.nodes[hit.id].typeLabel + (app.isShown(hit.id) ? "" : " · hidden");
      li.appendChild(name); li.appendChild(type);
      li.addEventListener("mousedown", function (event) { event.preventDefault(); pick(hit.id); });
      results.appendChild(li);
    });
    results.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function pick(id) {
    input.value = details.nodes[id].label;
    close();
    app.selectNode(id);
  }

  input.addEventListener("input", function () { found = search(input.value); active = found.length ? 0 : -1; render(); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!found.length) return;
      event.preventDefault();
      active = (active + (event.key === "ArrowDown" ? 1 : found.length - 1)) % found.length;
      render();
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (found.length) pick(found[Math.max(active, 0)].id);
    } else if (event.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", close);
})();
