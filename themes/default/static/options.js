// Remembers the reader's "larger text" and "high contrast" choices (适老化) across pages.
// The options work without this script too, for the page at hand.
(function () {
  var ids = ['opt-large', 'opt-contrast'];
  ids.forEach(function (id) {
    var box = document.getElementById(id);
    if (!box) return;
    try { box.checked = localStorage.getItem('gongkai-' + id) === '1'; } catch (e) {}
    box.addEventListener('change', function () {
      try { localStorage.setItem('gongkai-' + id, box.checked ? '1' : '0'); } catch (e) {}
    });
  });
})();
