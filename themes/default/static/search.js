// gongkai search client: plain JavaScript, no framework, no WASM.
// Tokenises like src/search/tokenize.rs (tested against tests/search-tokenize.json), fetches
// the shards of the query's terms, ranks with BM25 (highest-weight postings first, more only
// as the top 10 need) and confirms Chinese phrases on the top candidates' text.
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

  // A block of postings → [doc, weight × 100] (format: src/search/index.rs).
  var DIG = {};
  Array.from('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_').forEach(function (c, i) { DIG[c] = i; });
  function decode(s) {
    var out = [], i = 0, w = -1;
    function num() {
      for (var n = 0, m = 1, d; i < s.length; m *= 32) { d = DIG[s[i++]]; if (d < 32) return n + d * m; n += (d - 32) * m; }
      return n;
    }
    while (i < s.length) {
      var step = num(), c = num(), doc = 0;
      w = w < 0 ? step : w - step;
      while (c--) { doc += num(); out.push([doc, w]); }
    }
    return out;
  }
  function own(o, k) { return o && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined; }

  function Index(base) { this.base = base; this.files = {}; }
  Index.prototype.load = function () {
    var self = this;
    return this.meta || (this.meta = fetch(this.base + 'meta.json').then(function (r) { return r.json(); }).then(function (m) { self.m = m; return m; }));
  };
  Index.prototype.file = function (stem) {
    var f = this.files;
    return f[stem] || (f[stem] = fetch(this.base + stem + '.' + this.m.hash + '.json').then(function (r) { return r.ok ? r.json() : null; }));
  };
  Index.prototype.shard = function (term) { return this.file('t' + fnv32(term) % this.m.buckets); };
  Index.prototype.term = function (tok) {
    var self = this;
    if (isHan(tok)) return Promise.resolve(tok);
    var tries = [tok];
    if (/s$/.test(tok)) tries.push(tok.slice(0, -1));
    return tries.reduce(function (p, t) {
      return p.then(function (found) {
        if (found) return found;
        return self.shard(t).then(function (sh) {
          var term = own(sh && sh.f, t) || t;
          return self.shard(term).then(function (s2) { return own(s2 && s2.t, term) ? term : null; });
        });
      });
    }, Promise.resolve(null)).then(function (t) { return t || tok; });
  };
  // A term's df, idf × 10⁶, first (highest-weight) block, and where its next block is.
  Index.prototype.first = function (term) {
    return this.shard(term).then(function (s) {
      var e = own(s && s.t, term) || [0, 0, ''];
      return { df: e[0], idf: e[1], p: decode(e[2]), next: e.length > 3 ? [e[3], e[4]] : null };
    });
  };
  Index.prototype.more = function (t) {
    var f = t.next[0], p = t.next[1];
    return this.file('r' + f).then(function (blocks) {
      var b = (blocks && blocks[p]) || '';
      t.p = t.p.concat(decode(b));
      t.next = t.p.length < t.df && b ? (p + 1 < blocks.length ? [f, p + 1] : [f + 1, 0]) : null;
    });
  };
  // Most a posting not read yet can add.
  function rest(t) { return t.p.length ? t.idf * Math.max(t.p[t.p.length - 1][1] - 1, 0) : 0; }
  // The top 10 by (terms matched, score, id), reading more blocks only while they could
  // change (as src/search/query.rs).
  Index.prototype.candidates = function (terms, passes) {
    var self = this, K = 10;
    function round() {
      var docs = {}, ids = [], open = [], need = [];
      terms.forEach(function (t, i) {
        if (t.next) open.push(i);
        t.p.forEach(function (p) {
          var e = docs[p[0]];
          if (!e) { e = docs[p[0]] = { id: p[0], m: 0, s: 0, seen: {} }; ids.push(p[0]); }
          e.m++; e.s += t.idf * p[1]; e.seen[i] = 1;
        });
      });
      var ranked = ids.map(function (d) { return docs[d]; }).filter(function (e) { return passes(e.id); })
        .sort(function (a, b) { return b.m - a.m || b.s - a.s || a.id - b.id; });
      function sum(list) { return list.reduce(function (a, i) { return a + rest(terms[i]); }, 0); }
      if (ranked.length < K) need = open;
      else {
        var k = ranked[K - 1];
        if (open.length > k.m || (open.length === k.m && sum(open) >= k.s)) need = open;
        ranked.forEach(function (e, r) {
          var miss = open.filter(function (i) { return !e.seen[i]; }), m = e.m + miss.length, s = e.s + sum(miss);
          if (miss.length && (r < K || m > k.m || (m === k.m && (s > k.s || (s === k.s && e.id < k.id)))))
            miss.forEach(function (i) { if (need.indexOf(i) < 0) need = need.concat([i]); });
        });
      }
      if (!need.length) return ranked.slice(0, K);
      return Promise.all(need.map(function (i) { return self.more(terms[i]); })).then(round);
    }
    return round();
  };
  Index.prototype.doc = function (id) {
    var per = this.m.chunk;
    return this.file('d' + Math.floor(id / per)).then(function (docs) { return docs && docs[id % per]; });
  };
  Index.prototype.search = function (q, filters) {
    var self = this, tokens = queryTokens(q), f = filters || {}, unit, info, n;
    if (!tokens.length) return Promise.resolve([]);
    var kind = f.kind === '' || f.kind == null ? null : +f.kind;
    function passes(id) {
      if (f.park && (!unit || id < unit[0] || id > unit[1])) return false;
      if (!f.year && kind === null && !f.grade) return true;
      var y = info.charCodeAt(id * 2), code = info.charCodeAt(id * 2 + 1) - 97, year = y === 45 ? null : self.m.minYear + (y - 48);
      return (!f.year || year === +f.year) && (kind === null || kind === Math.floor(code / 5)) && (!f.grade || code % 5 === +f.grade);
    }
    return this.load().then(function (m) {
      var pre = [];
      if (f.park) pre.push(self.file('u' + fnv32(f.park) % m.units).then(function (u) { unit = own(u, f.park); }));
      if (f.year || kind !== null || f.grade) pre.push(self.file('i').then(function (i) { info = i || ''; }));
      return Promise.all(pre.concat(tokens.map(function (t) { return self.term(t); })));
    }).then(function (r) {
      var terms = r.filter(function (t) { return typeof t === 'string'; });
      terms = terms.filter(function (t, i) { return terms.indexOf(t) === i; });
      n = terms.length;
      return Promise.all(terms.map(function (t) { return self.first(t); }));
    }).then(function (states) {
      return self.candidates(states, passes);
    }).then(function (ranked) {
      var phrases = runs(q).filter(function (r) { return r.han && Array.from(r.s).length >= 2; }).map(function (r) { return r.s; });
      return Promise.all(ranked.map(function (e) { return self.doc(e.id); })).then(function (docs) {
        var hits = ranked.map(function (e, i) {
          var d = docs[i] || {}, hay = compact(d.t + ' ' + d.s + ' ' + d.x);
          return { doc: d, matched: e.m, score: e.s, phrase: phrases.every(function (p) { return hay.indexOf(p) >= 0; }) || (d.c === 1 && e.m === n) };
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
    document.getElementById('search-nojs').hidden = true;
    // Opened from a folder, the browser refuses to read the index: say so, keep the lists.
    if (location.protocol === 'file:') {
      var notice = document.getElementById('search-file');
      if (notice) notice.hidden = false;
      return;
    }
    form.hidden = false;
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
          return '<li><a href="' + esc((t.root || '') + h.doc.u.replace(/^\//, '')) + '">' + esc(h.doc.t) + '</a><div class="search-meta">' + esc(h.doc.s) + '</div><p>' + excerpt(h.doc.x || '', q) + '</p></li>';
        }).join('');
        status.textContent = (hits.length ? t.found : t.none).replace('{n}', hits.length).replace('{q}', q);
      });
    }
    form.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 150); });
    form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
    run();
  }

  root.gongkaiSearch = { fold: fold, indexTokens: indexTokens, queryTokens: queryTokens, fnv32: fnv32, decode: decode, Index: Index };
  if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ui); else ui();
  }
})(typeof window !== 'undefined' ? window : globalThis);
