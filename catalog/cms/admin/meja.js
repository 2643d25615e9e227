/* Filters the business-desk list as one types; without JavaScript the whole list shows. */
(function () {
  "use strict";
  var input = document.getElementById("saring");
  var rows = document.querySelectorAll("#daftar li");
  input.addEventListener("input", function () {
    var wanted = input.value.trim().toLowerCase();
    rows.forEach(function (row) { row.hidden = wanted && row.textContent.toLowerCase().indexOf(wanted) < 0; });
  });
})();
