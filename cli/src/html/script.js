(function () {
  "use strict";
  var search = document.getElementById("search");
  var statements = Array.prototype.slice.call(document.querySelectorAll("section.statement"));
  var none = document.getElementById("none");
  var main = document.getElementById("statements");
  var outlets = document.getElementById("outlets");
  var buttons = {
    statements: document.getElementById("show-statements"),
    outlets: document.getElementById("show-outlets")
  };
  function show(view) {
    main.hidden = view !== "statements";
    outlets.hidden = view !== "outlets";
    buttons.statements.classList.toggle("on", view === "statements");
    buttons.outlets.classList.toggle("on", view === "outlets");
  }
  function filter() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    statements.forEach(function (s) {
      var text = s.getAttribute("data-words") || "";
      var match = words.every(function (w) { return text.indexOf(w) >= 0; });
      s.hidden = !match;
      if (match) { shown += 1; }
    });
    none.hidden = shown > 0;
    show("statements");
  }
  search.addEventListener("input", filter);
  buttons.statements.addEventListener("click", function () { show("statements"); });
  buttons.outlets.addEventListener("click", function () { show("outlets"); });
  // A link from the outlets to a statement shows the statements.
  window.addEventListener("hashchange", function () {
    if (/^#s-[0-9a-f-]+$/.test(window.location.hash)) { show("statements"); }
  });
}());
