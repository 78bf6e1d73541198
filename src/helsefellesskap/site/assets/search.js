// The site's search: finds the pages whose words hold every word asked for, in the
// index of the page's language (window.hfSearchIndex, set by search-index.<lang>.js).
// Works opened from the folder (file://) and over http; sends no request.
(function () {
  "use strict";
  var SNIPPET = 90;
  var LIMIT = 100;

  function words(query) {
    return query.toLocaleLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
  }

  function snippet(text, lower, term) {
    var at = lower.indexOf(term);
    var start = Math.max(0, at - SNIPPET);
    var end = Math.min(text.length, at + term.length + SNIPPET);
    var p = document.createElement("p");
    p.className = "snippet";
    p.appendChild(document.createTextNode((start > 0 ? "… " : "") + text.slice(start, at)));
    var mark = document.createElement("mark");
    mark.textContent = text.slice(at, at + term.length);
    p.appendChild(mark);
    p.appendChild(document.createTextNode(text.slice(at + term.length, end) + (end < text.length ? " …" : "")));
    return p;
  }

  function search(query) {
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var index = window.hfSearchIndex || [];
    var terms = words(query);
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (terms.length === 0) { status.textContent = ""; return; }
    var found = [];
    index.forEach(function (page) {
      var lower = page.x.toLocaleLowerCase();
      var title = page.t.toLocaleLowerCase();
      var hits = 0;
      for (var i = 0; i < terms.length; i++) {
        if (lower.indexOf(terms[i]) < 0 && title.indexOf(terms[i]) < 0) { return; }
        hits += lower.split(terms[i]).length - 1;
      }
      found.push({ page: page, lower: lower, hits: hits });
    });
    found.sort(function (a, b) { return b.hits - a.hits; });
    var template = found.length ? status.getAttribute("data-results") : status.getAttribute("data-none");
    status.textContent = template.replace("{n}", String(found.length)).replace("{q}", query.trim());
    found.slice(0, LIMIT).forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "../" + hit.page.u;
      link.textContent = hit.page.t;
      link.setAttribute("dir", "auto");
      item.appendChild(link);
      var where = document.createElement("p");
      where.className = "where";
      where.textContent = hit.page.p;
      item.appendChild(where);
      var first = terms.filter(function (t) { return hit.lower.indexOf(t) >= 0; })[0];
      if (first) { item.appendChild(snippet(hit.page.x, hit.lower, first)); }
      list.appendChild(item);
    });
  }

  function start() {
    var input = document.getElementById("search-q");
    var query = new URLSearchParams(window.location.search).get("q") || "";
    input.value = query;
    search(query);
    input.addEventListener("input", function () { search(input.value); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
