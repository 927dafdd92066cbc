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

// Saves a chart as an .svg file. Each chart is in its page once, inline, and the file is made
// from it here on request, with the styles and language it needs on its own: writing a file
// beside every page for every chart and language made most of a site's files. Without this
// script the button stays hidden; the chart and its table are on the page either way.
(function () {
  var css = "__GK_CHART_CSS__";
  if (!window.Blob || !window.XMLSerializer || !window.URL || !URL.createObjectURL) return;
  var buttons = document.querySelectorAll('button.chart-save');
  Array.prototype.forEach.call(buttons, function (button) {
    var figure = button.closest ? button.closest('figure') : null;
    var svg = figure && figure.querySelector('svg');
    if (!svg) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      var copy = svg.cloneNode(true);
      copy.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:lang', document.documentElement.lang);
      var style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
      style.textContent = css;
      var desc = copy.querySelector('desc');
      copy.insertBefore(style, desc ? desc.nextSibling : copy.firstChild);
      var text = '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(copy) + '\n';
      var url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
      var a = document.createElement('a');
      a.href = url;
      a.download = button.getAttribute('data-file');
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    });
  });
})();
