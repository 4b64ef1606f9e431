// glosa report: sorting and filtering of the matrix. Without this script
// the page shows every row, in slug order, and the filters stay hidden.
(function () {
  "use strict";
  var table = document.getElementById("matrix");
  var form = document.getElementById("filters");
  var count = document.getElementById("matrix-count");
  if (!table || !form || !count) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var lang = document.getElementById("filter-lang");
  var state = document.getElementById("filter-state");
  var category = document.getElementById("filter-category");

  function apply() {
    var l = lang.value, s = state.value, c = category ? category.value : "";
    var shown = 0;
    rows.forEach(function (row) {
      var ok = false;
      row.querySelectorAll("td[data-lang]").forEach(function (cell) {
        if (l && cell.getAttribute("data-lang") !== l) return;
        var st = cell.getAttribute("data-state");
        if (st && (!s || st === s)) ok = true;
      });
      if (c && row.getAttribute("data-categories").split("\n").indexOf(c) < 0) ok = false;
      row.hidden = !ok;
      if (ok) shown++;
    });
    table.querySelectorAll("[data-lang]").forEach(function (el) {
      el.hidden = l !== "" && el.getAttribute("data-lang") !== l;
    });
    count.textContent = count.getAttribute("data-template")
      .replace("{shown}", String(shown)).replace("{total}", String(rows.length));
  }

  function sortBy(th) {
    var index = th.cellIndex;
    var numeric = th.getAttribute("data-sort") === "rank";
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    table.tHead.querySelectorAll("th[aria-sort]").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    var key = function (row) {
      var cell = row.cells[index];
      return numeric ? Number(cell.getAttribute("data-rank")) : cell.textContent.trim().toLowerCase();
    };
    var sorted = rows.slice().sort(function (a, b) {
      var x = key(a), y = key(b);
      if (x < y) return -dir;
      if (x > y) return dir;
      return rows.indexOf(a) - rows.indexOf(b);
    });
    sorted.forEach(function (row) { body.appendChild(row); });
  }

  table.tHead.querySelectorAll("th[data-sort]").forEach(function (th) {
    var button = document.createElement("button");
    button.type = "button";
    while (th.firstChild) button.appendChild(th.firstChild);
    th.appendChild(button);
    button.addEventListener("click", function () { sortBy(th); });
  });
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.hidden = false;
  count.hidden = false;
  apply();
})();
