// gongkai search client: plain JavaScript, no framework, no WASM.
// Reads the index format of src/search/index.rs (FORMAT): gongkai-search-index: 3
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
  // Quotation and title marks, dropped inside terms (“三公”经费 is 三公经费): as is_quote in
  // src/search/tokenize.rs.
  var QUOTES = '"\'\u2018\u2019\u201C\u201D\u300C\u300D\u300E\u300F\u300A\u300B\u3008\u3009\u301D\u301E';
  function runs(s) {
    var out = [], cur = '', han = false;
    function flush() { if (cur) out.push({ han: han, s: cur }); cur = ''; }
    for (var ch of fold(s)) {
      if (QUOTES.indexOf(ch) >= 0) continue;
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

  // Raw DEFLATE (RFC 1951), as src/search/store.rs writes the index files; `dict` is a preset
  // dictionary (the text chunks'). Small and slow-but-enough (a query inflates ~100 KB); no
  // browser API, so browsers without DecompressionStream search too.
  var LB = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258],
    LX = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0],
    DB = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577],
    DX = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13],
    ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
  // A canonical Huffman code from code lengths: counts per length, symbols in code order.
  function huff(lens) {
    var count = new Uint16Array(16), offs = new Uint16Array(16), sym = new Uint16Array(lens.length), i;
    for (i = 0; i < lens.length; i++) count[lens[i]]++;
    count[0] = 0;
    for (i = 1; i < 16; i++) offs[i] = offs[i - 1] + count[i - 1];
    for (i = 0; i < lens.length; i++) if (lens[i]) sym[offs[lens[i]]++] = i;
    return { count: count, sym: sym };
  }
  function inflate(src, dict) {
    var pre = dict ? dict.length : 0, out = new Uint8Array(pre + src.length * 4 + 1024), n = pre, pos = 0, buf = 0, cnt = 0, last = 0;
    if (dict) out.set(dict);
    function bits(k) {
      while (cnt < k) { if (pos >= src.length) throw new Error('inflate: the data ends early'); buf |= src[pos++] << cnt; cnt += 8; }
      var v = buf & ((1 << k) - 1);
      buf >>>= k; cnt -= k;
      return v;
    }
    function sym(h) {
      for (var len = 1, code = 0, first = 0, index = 0; len < 16; len++) {
        code |= bits(1);
        var c = h.count[len];
        if (code - c < first) return h.sym[index + code - first];
        index += c; first = (first + c) << 1; code <<= 1;
      }
      throw new Error('inflate: bad code');
    }
    function room(k) {
      if (n + k <= out.length) return;
      var o = new Uint8Array(Math.max(out.length * 2, n + k));
      o.set(out.subarray(0, n)); out = o;
    }
    var fixed = null, i, k, lit, dist;
    while (!last) {
      last = bits(1);
      var type = bits(2);
      if (type === 0) {
        buf = 0; cnt = 0;
        if (pos + 4 > src.length) throw new Error('inflate: the data ends early');
        k = src[pos] | src[pos + 1] << 8; pos += 4;
        if (pos + k > src.length) throw new Error('inflate: the data ends early');
        room(k); out.set(src.subarray(pos, pos + k), n); n += k; pos += k;
        continue;
      }
      if (type === 1) {
        if (!fixed) {
          var l = new Uint8Array(288);
          for (i = 0; i < 288; i++) l[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
          fixed = [huff(l), huff(new Uint8Array(30).fill(5))];
        }
        lit = fixed[0]; dist = fixed[1];
      } else if (type === 2) {
        var nl = bits(5) + 257, nd = bits(5) + 1, nc = bits(4) + 4, cl = new Uint8Array(19), all = new Uint8Array(nl + nd);
        for (i = 0; i < nc; i++) cl[ORDER[i]] = bits(3);
        var ch = huff(cl);
        for (i = 0; i < nl + nd;) {
          var s = sym(ch), rep = 0, v = 0;
          if (s < 16) { all[i++] = s; continue; }
          if (s === 16) { if (!i) throw new Error('inflate: bad lengths'); v = all[i - 1]; rep = 3 + bits(2); } else if (s === 17) rep = 3 + bits(3); else rep = 11 + bits(7);
          if (i + rep > nl + nd) throw new Error('inflate: bad lengths');
          while (rep--) all[i++] = v;
        }
        lit = huff(all.subarray(0, nl)); dist = huff(all.subarray(nl));
      } else throw new Error('inflate: bad block');
      for (;;) {
        var x = sym(lit);
        if (x < 256) { room(1); out[n++] = x; continue; }
        if (x === 256) break;
        x -= 257;
        if (x >= 29) throw new Error('inflate: bad length');
        var len = LB[x] + bits(LX[x]), d = sym(dist);
        if (d >= 30) throw new Error('inflate: bad distance');
        var back = DB[d] + bits(DX[d]);
        if (back > n) throw new Error('inflate: distance too far');
        room(len);
        for (k = n - back; len--;) out[n++] = out[k++];
      }
    }
    return out.subarray(pre, n);
  }

  function Index(base) { this.base = base; this.files = {}; }
  Index.prototype.load = function () {
    var self = this;
    return this.meta || (this.meta = fetch(this.base + 'meta.json').then(function (r) { return r.json(); }).then(function (m) { self.m = m; return m; }));
  };
  // A file of the index as bytes (null when missing).
  Index.prototype.raw = function (stem) {
    return fetch(this.base + stem + '.' + this.m.hash + '.bin').then(function (r) { return r.ok ? r.arrayBuffer() : null; }).then(function (b) { return b && new Uint8Array(b); });
  };
  // The text chunks' preset dictionary (null when the index has none).
  Index.prototype.dict = function () {
    return this.z || (this.z = this.m.z ? this.raw('z').then(function (b) { return b && inflate(b); }) : Promise.resolve(null));
  };
  // A file of the index, inflated and parsed once.
  Index.prototype.file = function (stem) {
    var f = this.files;
    return f[stem] || (f[stem] = Promise.all([this.raw(stem), stem[0] === 'd' ? this.dict() : null]).then(function (r) {
      return r[0] ? JSON.parse(new TextDecoder().decode(inflate(r[0], r[1]))) : null;
    }));
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
  // The top k by (terms matched, score, id), reading more blocks only while they could
  // change (as src/search/query.rs).
  function order(a, b) { return b.m - a.m || b.s - a.s || a.id - b.id; }
  function tally(terms, passes) {
    var docs = {}, ids = [];
    terms.forEach(function (t, i) {
      t.p.forEach(function (p) {
        var e = docs[p[0]];
        if (!e) { e = docs[p[0]] = { id: p[0], m: 0, s: 0, seen: {} }; ids.push(p[0]); }
        e.m++; e.s += t.idf * p[1]; e.seen[i] = 1;
      });
    });
    return ids.map(function (d) { return docs[d]; }).filter(function (e) { return passes(e.id); }).sort(order);
  }
  Index.prototype.candidates = function (terms, passes, K) {
    var self = this;
    function round() {
      var open = [], need = [];
      terms.forEach(function (t, i) { if (t.next) open.push(i); });
      var ranked = tally(terms, passes);
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
    return Promise.resolve(round());
  };
  // Every block of every term: for the count of results.
  Index.prototype.all = function (terms) {
    var self = this, open = terms.filter(function (t) { return t.next; });
    if (!open.length) return Promise.resolve();
    return Promise.all(open.map(function (t) { return self.more(t); })).then(function () { return self.all(terms); });
  };
  Index.prototype.doc = function (id) {
    var per = this.m.chunk;
    return this.file('d' + Math.floor(id / per)).then(function (docs) { return docs && docs[id % per]; });
  };
  var PAGE = 10;
  // The first page of results, reading only what it needs: [{doc, matched, score, phrase,
  // excerpt, section}].
  Index.prototype.search = function (q, filters) {
    return this.run(q, filters, 0, false).then(function (r) { return r.hits; });
  };
  // Page `page` (from 0) and the number of results: documents with every term of the query
  // (or as many as any has). Reads every posting of the query's terms.
  Index.prototype.searchPage = function (q, filters, page) { return this.run(q, filters, page || 0, true); };
  Index.prototype.run = function (q, filters, page, count) {
    var self = this, tokens = queryTokens(q), f = filters || {}, unit, info, n, total = 0;
    if (!tokens.length) return Promise.resolve({ hits: [], total: 0 });
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
      terms = terms.filter(function (t, i) { return terms.indexOf(t) === i; }).sort();
      n = terms.length;
      return Promise.all(terms.map(function (t) { return self.first(t); }));
    }).then(function (states) {
      if (!count) return self.candidates(states, passes, PAGE * (page + 1)).then(function (r) { return r.slice(page * PAGE); });
      return self.all(states).then(function () {
        var ranked = tally(states, passes), best = ranked.length ? ranked[0].m : 0;
        while (total < ranked.length && ranked[total].m === best) total++;
        return ranked.slice(0, total).slice(page * PAGE, (page + 1) * PAGE);
      });
    }).then(function (ranked) {
      var phrases = runs(q).filter(function (r) { return r.han && Array.from(r.s).length >= 2; }).map(function (r) { return r.s; });
      return Promise.all(ranked.map(function (e) { return self.doc(e.id); })).then(function (docs) {
        var hits = ranked.map(function (e, i) {
          var d = docs[i] || {}, hay = compact(d.t + ' ' + d.s + ' ' + d.x), ex = excerpt(d.x || '', q);
          return {
            doc: d, matched: e.m, score: e.s, excerpt: ex.html, section: ex.at === null ? null : sectionAt(d, ex.at),
            phrase: phrases.every(function (p) { return hay.indexOf(p) >= 0; }) || (d.c === 1 && e.m === n)
          };
        });
        if (phrases.length && hits.some(function (h) { return h.phrase; })) hits = hits.filter(function (h) { return h.phrase || h.matched === n; });
        hits.sort(function (a, b) { return b.phrase - a.phrase || b.matched - a.matched || b.score - a.score; });
        return { hits: hits, total: total };
      });
    });
  };

  // The excerpt of `text` from where the query first matches, every match in <mark>, and the
  // character offset of that match (null when it does not occur). Matching ignores case,
  // width, punctuation and quotes, so 三公经费 marks “三公”经费. As excerpt() in query.rs.
  var EXCERPT = 160, BEFORE = 40;
  function excerpt(text, q) {
    var chars = Array.from(text), flat = [], at = [];
    chars.forEach(function (c, i) { var f = Array.from(fold(c))[0]; if (f && ALNUM.test(f)) { flat.push(f); at.push(i); } });
    var flatS = flat;
    function find(needles) {
      var best = -1;
      needles.forEach(function (nd) {
        if (!nd.length) return;
        for (var k = 0; k + nd.length <= flatS.length; k++) {
          var ok = true;
          for (var j = 0; j < nd.length; j++) if (flatS[k + j] !== nd[j]) { ok = false; break; }
          if (ok) { if (best < 0 || k < best) best = k; break; }
        }
      });
      return best;
    }
    var needles = runs(q).map(function (r) { return Array.from(r.s); }), first = find(needles);
    if (first < 0) {
      needles = queryTokens(q).map(function (t) { return Array.from(/s$/.test(t) && t.length - 1 >= 3 ? t.slice(0, -1) : t); });
      first = find(needles);
    }
    needles.sort(function (a, b) { return b.length - a.length; });
    var pos = first < 0 ? null : at[first], start = pos === null ? 0 : Math.max(0, pos - BEFORE), end = Math.min(start + EXCERPT, chars.length);
    var marks = [], k = 0;
    while (k < at.length && at[k] < start) k++;
    while (k < flat.length && at[k] < end) {
      var hit = null;
      for (var x = 0; x < needles.length && !hit; x++) {
        var nd = needles[x];
        if (!nd.length || k + nd.length > flat.length) continue;
        var ok = true;
        for (var j = 0; j < nd.length; j++) if (flat[k + j] !== nd[j]) { ok = false; break; }
        if (ok) hit = nd;
      }
      if (hit) { marks.push([at[k], Math.min(at[k + hit.length - 1] + 1, end)]); k += hit.length; } else k++;
    }
    var out = start > 0 ? '…' : '', i = start, m = 0;
    while (i < end) {
      if (m < marks.length && marks[m][0] === i) { out += '<mark>' + esc(chars.slice(i, marks[m][1]).join('')) + '</mark>'; i = marks[m][1]; m++; }
      else { out += esc(chars[i]); i++; }
    }
    if (end < chars.length) out += '…';
    return { html: out, at: pos };
  }
  // The heading id of the section of document d where character `at` stands.
  function sectionAt(d, at) {
    var h = d.h || [], id = null;
    for (var i = 0; i + 1 < h.length; i += 2) if (h[i] <= at) id = h[i + 1];
    return id;
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
    // The "more" button: the page's own, or one added below the list (its words from the
    // form's data-more, the theme's search_more).
    var more = document.getElementById('search-more'), page = 0, last = '';
    if (!more && list) {
      more = document.createElement('button');
      more.type = 'button'; more.id = 'search-more'; more.className = 'search-more'; more.hidden = true;
      list.insertAdjacentElement('afterend', more);
    }
    if (!t.more) t.more = /^zh/.test(document.documentElement.lang) ? '显示更多结果（还有 {n} 条）' : 'Show more results ({n} more)';
    function item(h) {
      var href = (t.root || '') + h.doc.u.replace(/^\//, '') + (h.section ? '#' + encodeURIComponent(h.section) : '');
      return '<li><a href="' + esc(href) + '">' + esc(h.doc.t) + '</a><div class="search-meta">' + esc(h.doc.s) + '</div><p>' + h.excerpt + '</p></li>';
    }
    // Page `page` of the query's results, added below those shown.
    function show(q, f, mine, append) {
      index.searchPage(q, f, page).then(function (r) {
        if (mine !== seq) return;
        var html = r.hits.map(item).join('');
        if (append) list.insertAdjacentHTML('beforeend', html); else list.innerHTML = html;
        var shown = Math.min((page + 1) * 10, r.total), left = r.total - shown;
        status.textContent = (r.total ? t.found : t.none).replace('{n}', r.total).replace('{q}', q);
        if (more) { more.hidden = left <= 0; more.textContent = (t.more || '').replace('{n}', left); }
      });
    }
    function run() {
      var q = input.value.trim(), mine = ++seq, f = {};
      ['park', 'year', 'kind', 'grade'].forEach(function (k) { f[k] = form.elements[k] ? form.elements[k].value : ''; });
      var url = new URL(location.href);
      ['q', 'park', 'year', 'kind', 'grade'].forEach(function (k) { var v = k === 'q' ? q : f[k]; if (v) url.searchParams.set(k, v); else url.searchParams.delete(k); });
      history.replaceState(null, '', url);
      page = 0; last = JSON.stringify([q, f]);
      if (more) more.hidden = true;
      if (!q) { list.innerHTML = ''; status.textContent = ''; return; }
      show(q, f, mine, false);
    }
    if (more) more.addEventListener('click', function () {
      var k = JSON.parse(last);
      page++;
      show(k[0], k[1], seq, true);
    });
    form.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 150); });
    form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
    run();
  }

  root.gongkaiSearch = { excerpt: excerpt, fold: fold, indexTokens: indexTokens, queryTokens: queryTokens, fnv32: fnv32, decode: decode, inflate: inflate, Index: Index };
  if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ui); else ui();
  }
})(typeof window !== 'undefined' ? window : globalThis);
