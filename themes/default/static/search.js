// gongkai search client: plain JavaScript, no framework, no WASM.
// Tokenises like src/search/tokenize.rs (tested against tests/search-tokenize.json), fetches
// only the index shards the query's terms hash to, ranks with BM25, and confirms Chinese
// phrases on the top candidates' text.
(function (root) {
  'use strict';
  function isHan(c) {
    var n = c.codePointAt(0);
    return (n >= 0x3400 && n <= 0x4DBF) || (n >= 0x4E00 && n <= 0x9FFF) || (n >= 0xF900 && n <= 0xFAFF) || (n >= 0x20000 && n <= 0x2FA1F);
  }
  function fold(s) {
    var out = '';
    for (var ch of s) {
      var n = ch.codePointAt(0);
      if (n >= 0xFF01 && n <= 0xFF5E) ch = String.fromCodePoint(n - 0xFEE0);
      else if (n === 0x3000) ch = ' ';
      out += ch.toLowerCase();
    }
    return out;
  }
  var ALNUM = /[\p{L}\p{N}]/u;
  function runs(s) {
    var out = [], cur = '', han = false;
    function flush() { if (cur) out.push({ han: han, s: cur }); cur = ''; }
    for (var ch of fold(s)) {
      if (isHan(ch)) { if (!han) flush(); han = true; cur += ch; }
      else if (ALNUM.test(ch)) { if (han) flush(); han = false; cur += ch; }
      else flush();
    }
    flush();
    return out;
  }
  // Letters and digits only, so a phrase matches across punctuation (“五好”园区).
  function compact(s) { return Array.from(fold(s)).filter(function (c) { return ALNUM.test(c); }).join(''); }
  function bigrams(s) {
    var c = Array.from(s), out = [];
    for (var i = 0; i + 1 < c.length; i++) out.push(c[i] + c[i + 1]);
    return out;
  }
  function indexTokens(s) {
    var out = [];
    runs(s).forEach(function (r) {
      if (r.han) { out.push.apply(out, Array.from(r.s)); out.push.apply(out, bigrams(r.s)); } else out.push(r.s);
    });
    return out;
  }
  function queryTokens(s) {
    var out = [];
    runs(s).forEach(function (r) {
      if (r.han) { var c = Array.from(r.s); out.push.apply(out, c.length === 1 ? c : bigrams(r.s)); } else out.push(r.s);
    });
    return out;
  }
  function fnv32(s) {
    var h = 0x811c9dc5, b = new TextEncoder().encode(s);
    for (var i = 0; i < b.length; i++) { h ^= b[i]; h = Math.imul(h, 0x01000193) >>> 0; }
    return h >>> 0;
  }

  function Index(base) { this.base = base; this.shards = {}; this.chunks = {}; }
  Index.prototype.get = function (name, cache, key) {
    if (!cache[key]) cache[key] = fetch(this.base + name).then(function (r) { return r.ok ? r.json() : {}; });
    return cache[key];
  };
  Index.prototype.load = function () {
    var self = this;
    return this.meta || (this.meta = fetch(this.base + 'meta.json').then(function (r) { return r.json(); }).then(function (m) { self.m = m; return m; }));
  };
  Index.prototype.shard = function (term) {
    var b = fnv32(term) % this.m.buckets;
    return this.get('t' + b + '.' + this.m.hash + '.json', this.shards, b);
  };
  Index.prototype.term = function (tok) {
    var self = this;
    if (isHan(tok)) return Promise.resolve(tok);
    var tries = [tok];
    if (/s$/.test(tok)) tries.push(tok.slice(0, -1));
    return tries.reduce(function (p, t) {
      return p.then(function (found) {
        if (found) return found;
        return self.shard(t).then(function (sh) {
          var term = (sh.forms && sh.forms[t]) || t;
          return self.shard(term).then(function (s2) { return s2.terms && s2.terms[term] ? term : null; });
        });
      });
    }, Promise.resolve(null)).then(function (t) { return t || tok; });
  };
  Index.prototype.doc = function (id) {
    var c = Math.floor(id / this.m.chunk);
    var per = this.m.chunk;
    return this.get('d' + c + '.' + this.m.hash + '.json', this.chunks, c).then(function (docs) { return docs[id % per]; });
  };
  Index.prototype.passes = function (id, f) {
    var m = this.m, y = m.info.charCodeAt(id * 2), code = m.info.charCodeAt(id * 2 + 1) - 97;
    var kind = Math.floor(code / 5), grade = code % 5;
    var year = y === 45 ? null : m.minYear + (y - 48);
    if (f.park) {
      var r = m.parks.filter(function (p) { return p[0] === f.park; })[0];
      if (!r || id < r[2] || id > r[3]) return false;
    }
    return (!f.year || year === +f.year) && (f.kind === '' || f.kind == null || kind === +f.kind) && (!f.grade || grade === +f.grade);
  };
  Index.prototype.search = function (q, filters) {
    var self = this, tokens = queryTokens(q);
    if (!tokens.length) return Promise.resolve([]);
    return this.load().then(function (m) {
      return Promise.all(tokens.map(function (t) { return self.term(t); }));
    }).then(function (terms) {
      terms = terms.filter(function (t, i) { return terms.indexOf(t) === i; });
      // Postings are flat pairs: gap to the previous document, weight × 100.
      return Promise.all(terms.map(function (t) {
        return self.shard(t).then(function (s) {
          var flat = (s.terms && s.terms[t]) || [], out = [], doc = 0;
          for (var i = 0; i + 1 < flat.length; i += 2) { doc += flat[i]; out.push([doc, flat[i + 1] / 100]); }
          return out;
        });
      }));
    }).then(function (lists) {
      var n = self.m.n, scores = {};
      lists.forEach(function (list) {
        var idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
        list.forEach(function (p) {
          var e = scores[p[0]] || (scores[p[0]] = { id: p[0], matched: 0, score: 0 });
          e.matched++; e.score += idf * p[1];
        });
      });
      var ranked = Object.keys(scores).map(function (k) { return scores[k]; })
        .filter(function (e) { return self.passes(e.id, filters || {}); })
        .sort(function (a, b) { return b.matched - a.matched || b.score - a.score || a.id - b.id; })
        .slice(0, 10);
      var phrases = runs(q).filter(function (r) { return r.han && Array.from(r.s).length >= 2; }).map(function (r) { return r.s; });
      return Promise.all(ranked.map(function (e) { return self.doc(e.id); })).then(function (docs) {
        var hits = ranked.map(function (e, i) {
          var d = docs[i] || {}, hay = compact(d.t + ' ' + d.s + ' ' + d.x);
          return { doc: d, matched: e.matched, score: e.score, phrase: phrases.every(function (p) { return hay.indexOf(p) >= 0; }) || (d.c === 1 && e.matched === lists.length) };
        });
        if (phrases.length && hits.some(function (h) { return h.phrase; })) hits = hits.filter(function (h) { return h.phrase; });
        return hits.sort(function (a, b) { return b.phrase - a.phrase || b.matched - a.matched || b.score - a.score; });
      });
    });
  };

  // An excerpt around the first query word found, with every match marked.
  function excerpt(text, q) {
    var words = runs(q).map(function (r) { return r.s; }), low = fold(text), at = -1;
    words.forEach(function (w) { var i = low.indexOf(w); if (i >= 0 && (at < 0 || i < at)) at = i; });
    var start = Math.max(0, at - 40), piece = text.slice(start, start + 160), lp = fold(piece), out = '', i = 0;
    while (i < piece.length) {
      var hit = words.filter(function (w) { return w && lp.startsWith(w, i); })[0];
      if (hit) { out += '<mark>' + esc(piece.slice(i, i + hit.length)) + '</mark>'; i += hit.length; } else { out += esc(piece[i]); i++; }
    }
    return (start > 0 ? '…' : '') + out + (start + 160 < text.length ? '…' : '');
  }
  function esc(s) { return s.replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }

  function ui() {
    var form = document.getElementById('search-form');
    if (!form) return;
    var input = form.elements.q, list = document.getElementById('search-results'), status = document.getElementById('search-status');
    var index = new Index(form.getAttribute('data-index')), t = form.dataset, timer, seq = 0;
    form.hidden = false;
    document.getElementById('search-nojs').hidden = true;
    var params = new URLSearchParams(location.search);
    ['q', 'park', 'year', 'kind', 'grade'].forEach(function (k) { if (params.get(k) && form.elements[k]) form.elements[k].value = params.get(k); });
    function run() {
      var q = input.value.trim(), mine = ++seq, f = {};
      ['park', 'year', 'kind', 'grade'].forEach(function (k) { f[k] = form.elements[k] ? form.elements[k].value : ''; });
      var url = new URL(location.href);
      ['q', 'park', 'year', 'kind', 'grade'].forEach(function (k) { var v = k === 'q' ? q : f[k]; if (v) url.searchParams.set(k, v); else url.searchParams.delete(k); });
      history.replaceState(null, '', url);
      if (!q) { list.innerHTML = ''; status.textContent = ''; return; }
      index.search(q, f).then(function (hits) {
        if (mine !== seq) return;
        list.innerHTML = hits.map(function (h) {
          return '<li><a href="' + esc(h.doc.u) + '">' + esc(h.doc.t) + '</a><div class="search-meta">' + esc(h.doc.s) + '</div><p>' + excerpt(h.doc.x || '', q) + '</p></li>';
        }).join('');
        status.textContent = (hits.length ? t.found : t.none).replace('{n}', hits.length).replace('{q}', q);
      });
    }
    form.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 150); });
    form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
    run();
  }

  root.gongkaiSearch = { fold: fold, indexTokens: indexTokens, queryTokens: queryTokens, fnv32: fnv32, Index: Index };
  if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ui); else ui();
  }
})(typeof window !== 'undefined' ? window : globalThis);
