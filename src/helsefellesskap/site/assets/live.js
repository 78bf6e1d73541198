// Live preview (helsefellesskap serve): asks the server every second whether the site
// was rebuilt (reloads the page then) and shows the data's problems, with their file
// and path, at the top of the page. Only the pages `serve` builds load it.
(function () {
  "use strict";
  var statusUrl = new URL("../_live/status.json", document.currentScript.src).href;
  var seen = null;

  function show(problems, title) {
    var old = document.getElementById("live-problems");
    if (old) { old.parentNode.removeChild(old); }
    if (!problems.length) { return; }
    var box = document.createElement("section");
    box.id = "live-problems";
    box.className = "live-problems";
    box.setAttribute("role", "alert");
    var heading = document.createElement("h2");
    heading.textContent = title;
    box.appendChild(heading);
    var list = document.createElement("ul");
    problems.forEach(function (problem) {
      var item = document.createElement("li");
      var where = document.createElement("code");
      where.textContent = problem.file + ": " + problem.path;
      item.appendChild(where);
      item.appendChild(document.createTextNode(": " + problem.message));
      list.appendChild(item);
    });
    box.appendChild(list);
    document.body.insertBefore(box, document.body.firstChild);
  }

  function poll() {
    fetch(statusUrl, { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        if (seen !== null && status.version !== seen) { window.location.reload(); return; }
        seen = status.version;
        show(status.problems || [], status.title || "");
      })
      .catch(function () { /* the server is restarting or stopped: try again */ })
      .then(function () { window.setTimeout(poll, 1000); });
  }

  poll();
})();
