//! Reading a .docx into blocks.
//!
//! A .docx is a zip; the body is `word/document.xml` (found through the package's
//! `_rels/.rels`, with that as the fallback), list numbering is in `word/numbering.xml` and
//! paragraph styles (which may carry numbering too) in `word/styles.xml` (both found through
//! the main part's relationships, likewise). The XML is parsed with `roxmltree` (a read-only tree; it refuses DTDs,
//! so entity bombs cannot expand), after the part has been read with a size limit.
//!
//! What comes out:
//! - one [`Block::Paragraph`] per body-level `w:p` with text, in document order. Every
//!   body-level paragraph is counted for [`Origin::Paragraph`], empty ones included, so
//!   "paragraph N" is the N-th paragraph mark outside tables, roughly what Word's own
//!   paragraph count and navigation show; paragraphs inside tables are not counted.
//! - run text: `w:t`; `w:tab` → tab; `w:br`/`w:cr` → newline; `w:noBreakHyphen` → `-`;
//!   `w:ptab` → tab; `w:sym`, `w:softHyphen`, field instructions (`w:instrText`) and hidden
//!   runs (`w:vanish`) are left out; deleted text (`w:del`, `w:moveFrom`) and table rows
//!   deleted with tracked changes are skipped, inserted text (`w:ins`, `w:moveTo`) kept. A
//!   field's displayed result is kept. Content controls (`w:sdt`), hyperlinks, smart tags
//!   and `w:customXml` are looked through. Of `mc:AlternateContent` only the first
//!   `mc:Choice` is read (the fallback repeats it).
//! - automatic numbering is rendered into the text: `w:numPr` on the paragraph or on its
//!   style (following `w:basedOn`) → the level's `w:lvlText` with each `%N` replaced by that
//!   level's counter in its `w:numFmt` (decimal, decimalZero, Chinese counting, Chinese
//!   counting thousand, Chinese legal simplified, ideograph traditional/zodiac, full-width,
//!   circled, roman, letters; bullets and unknown formats give no prefix). Counters are
//!   kept per abstract list, so two `w:num`s of one abstract list continue each other
//!   unless one has a `w:startOverride`, as Word does. The suffix after the number: a space
//!   for `w:suff="space"`, nothing for `"nothing"`, and for the default tab nothing when the
//!   number ends in punctuation (`一、`, `（一）`, `1.`) and a space otherwise.
//! - `w:tbl` → [`Block::Table`] with `w:gridSpan`, `w:hMerge`, `w:vMerge`, `w:gridBefore`
//!   and `w:gridAfter` resolved into a full grid. A cell's text is its non-empty paragraphs
//!   joined by `\n`; a nested table's paragraphs are flattened into its cell the same way.
//! - text boxes (`w:txbxContent`): their paragraphs follow the paragraph that anchors them,
//!   with that paragraph's origin; tables in text boxes are flattened to paragraphs.
//! - headers, footers, footnotes, comments: not read.
//!
//! Errors: an OLE2 compound file is an old .doc ([`ReadError::OldWord`]) or, when it holds
//! an `EncryptedPackage` stream, a password-protected file ([`ReadError::Encrypted`]); a
//! zip without `word/document.xml` or malformed XML is [`ReadError::Corrupt`]; a document
//! with images but no text at all is [`ReadError::Scanned`]. Bounds against crafted files
//! (each [`ReadError::Corrupt`]): 200 MB per decompressed part, elements nested 256 deep,
//! rows of 10000 columns, 5 million table cells and 512 MB of repeated merged-cell text
//! per document. A document with neither text nor images reads as an empty [`Source`].

use super::source::{Block, Origin, ReadError, Source};
use roxmltree::{Document, Node};
use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::path::Path;

/// The most a single XML part may decompress to (a zip bomb stops here).
pub(crate) const PART_LIMIT: u64 = 200 * 1024 * 1024;

const OLE2_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Whether `bytes` are an OLE2 compound file, and if so whether it is an encrypted Office
/// package (`Some(true)`) or an old binary document (`Some(false)`).
pub(crate) fn ole2_kind(bytes: &[u8]) -> Option<bool> {
    if !bytes.starts_with(&OLE2_MAGIC) {
        return None;
    }
    let needle: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    Some(bytes.windows(needle.len()).any(|w| w == needle.as_slice()))
}

/// Reads one part of a zip, refusing more than `PART_LIMIT` bytes. `Ok(None)` when the part
/// is not there.
pub(crate) fn zip_part<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
) -> Result<Option<Vec<u8>>, ReadError> {
    zip_part_limited(zip, name, PART_LIMIT)
}

fn zip_part_limited<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
    limit: u64,
) -> Result<Option<Vec<u8>>, ReadError> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(ReadError::Corrupt(format!("{name}: {e}"))),
    };
    if file.size() > limit {
        return Err(ReadError::Corrupt(format!(
            "{name} is larger than {} MB uncompressed",
            limit / 1024 / 1024
        )));
    }
    let mut out = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| ReadError::Corrupt(format!("{name}: {e}")))?;
    if out.len() as u64 > limit {
        return Err(ReadError::Corrupt(format!(
            "{name} is larger than {} MB uncompressed",
            limit / 1024 / 1024
        )));
    }
    Ok(Some(out))
}

fn utf8(name: &str, bytes: Vec<u8>) -> Result<String, ReadError> {
    let mut s = String::from_utf8(bytes).map_err(|_| ReadError::Corrupt(format!("{name} is not UTF-8 text")))?;
    if s.starts_with('\u{feff}') {
        s.remove(0);
    }
    Ok(s)
}

fn parse<'a>(name: &str, text: &'a str) -> Result<Document<'a>, ReadError> {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: false,
        ..Default::default()
    };
    Document::parse_with_options(text, opts).map_err(|e| ReadError::Corrupt(format!("{name}: malformed XML: {e}")))
}

pub fn read(path: &Path) -> Result<Source, ReadError> {
    let bytes = std::fs::read(path).map_err(|e| ReadError::Io(format!("{}: {e}", path.display())))?;
    read_bytes(&bytes)
}

/// Reads a .docx from its bytes.
pub fn read_bytes(bytes: &[u8]) -> Result<Source, ReadError> {
    match ole2_kind(bytes) {
        Some(true) => return Err(ReadError::Encrypted),
        Some(false) => return Err(ReadError::OldWord),
        None => {}
    }
    if !bytes.starts_with(b"PK") {
        return Err(ReadError::Corrupt(
            "not a Word document: the file is not a zip archive".into(),
        ));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ReadError::Corrupt(format!("not a Word document: {e}")))?;
    // The main part is word/document.xml in every Word file seen, but the package says
    // where it is; follow it, and its own relationships for numbering and styles.
    let main = relationship_target(&mut zip, "_rels/.rels", "", "officeDocument")
        .unwrap_or_else(|| "word/document.xml".to_string());
    let document = zip_part(&mut zip, &main)?
        .ok_or_else(|| ReadError::Corrupt(format!("not a Word document: the zip has no {main}")))?;
    let (dir, file) = main.rsplit_once('/').unwrap_or(("", main.as_str()));
    let rels = if dir.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{dir}/_rels/{file}.rels")
    };
    let numbering_part =
        relationship_target(&mut zip, &rels, dir, "numbering").unwrap_or_else(|| "word/numbering.xml".to_string());
    let styles_part =
        relationship_target(&mut zip, &rels, dir, "styles").unwrap_or_else(|| "word/styles.xml".to_string());
    let numbering = zip_part(&mut zip, &numbering_part)?;
    let styles = zip_part(&mut zip, &styles_part)?;
    let document = utf8(&main, document)?;
    let numbering = numbering.map(|b| utf8(&numbering_part, b)).transpose()?;
    let styles = styles.map(|b| utf8(&styles_part, b)).transpose()?;
    read_xml(&document, numbering.as_deref(), styles.as_deref())
}

/// The zip path of the part a relationships file points to with a relationship whose type
/// ends in `/kind` (transitional and strict OOXML differ only before that). `dir` is the
/// folder of the part the relationships belong to, which relative targets start from.
/// `None` when the relationships file, or such a relationship, is not there or unreadable.
pub(crate) fn relationship_target<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    rels: &str,
    dir: &str,
    kind: &str,
) -> Option<String> {
    let bytes = zip_part_limited(zip, rels, 10 * 1024 * 1024).ok()??;
    let text = String::from_utf8(bytes).ok()?;
    let doc = parse(rels, text.trim_start_matches('\u{feff}')).ok()?;
    let suffix = format!("/{kind}");
    let target = doc.root_element().children().find_map(|r| {
        let external = attr(&r, "TargetMode").is_some_and(|m| m == "External");
        (is(&r, "Relationship") && !external && attr(&r, "Type").is_some_and(|t| t.ends_with(&suffix)))
            .then(|| attr(&r, "Target"))
            .flatten()
    })?;
    let joined = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None if dir.is_empty() => target.to_string(),
        None => format!("{dir}/{target}"),
    };
    // Resolve "." and ".." segments.
    let mut segments: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    Some(segments.join("/"))
}

/// Reads the blocks of a `document.xml`, with the numbering and styles parts if there are.
pub fn read_xml(document: &str, numbering: Option<&str>, styles: Option<&str>) -> Result<Source, ReadError> {
    let doc = parse("word/document.xml", document)?;
    too_deep("word/document.xml", &doc)?;
    let numbering = match numbering {
        Some(text) => Numbering::parse(&parse("word/numbering.xml", text)?),
        None => Numbering::default(),
    };
    // Most documents' styles carry no numbering; their styles.xml need not be parsed.
    let style_numbering = match styles {
        Some(text) if text.contains("numPr") => style_numbering(&parse("word/styles.xml", text)?),
        _ => HashMap::new(),
    };
    let root = doc.root_element();
    if root.tag_name().name() != "document" {
        return Err(ReadError::Corrupt(format!(
            "not a Word document: its main part is a <{}>",
            root.tag_name().name()
        )));
    }
    let body = root
        .children()
        .find(|n| is(n, "body"))
        .ok_or_else(|| ReadError::Corrupt("word/document.xml has no w:body".into()))?;
    let mut reader = Reader {
        numbering,
        style_numbering,
        counters: HashMap::new(),
        overrides_applied: HashMap::new(),
        paragraphs: 0,
        tables: 0,
        blocks: Vec::new(),
        grid_cells: 0,
        grid_bytes: 0,
    };
    reader.body(body)?;
    let has_text = reader.blocks.iter().any(|b| match b {
        Block::Paragraph { text, .. } => !text.trim().is_empty(),
        Block::Table { rows, .. } => rows.iter().flatten().any(|c| !c.trim().is_empty()),
    });
    if !has_text {
        let has_images = body
            .descendants()
            .any(|n| n.is_element() && matches!(n.tag_name().name(), "drawing" | "pict" | "pic" | "object"));
        if has_images {
            return Err(ReadError::Scanned);
        }
        return Ok(Source::default());
    }
    Ok(Source { blocks: reader.blocks })
}

/// How deep elements may nest. The walk over the body recurses, so a crafted document
/// nested a million deep is refused here rather than overflowing the stack; real documents
/// (tables in tables in text boxes) stay far below.
const DEPTH_LIMIT: usize = 256;

fn too_deep(name: &str, doc: &Document) -> Result<(), ReadError> {
    let mut stack = vec![(doc.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth > DEPTH_LIMIT {
            return Err(ReadError::Corrupt(format!(
                "{name}: elements nested more than {DEPTH_LIMIT} deep"
            )));
        }
        stack.extend(node.children().filter(|c| c.is_element()).map(|c| (c, depth + 1)));
    }
    Ok(())
}

fn is(n: &Node, local: &str) -> bool {
    n.is_element() && n.tag_name().name() == local
}

/// The value of an attribute by its local name (`w:val` → `val`), whatever its namespace.
fn attr<'a>(n: &Node<'a, '_>, local: &str) -> Option<&'a str> {
    n.attributes().find(|a| a.name() == local).map(|a| a.value())
}

fn child<'a, 'i>(n: &Node<'a, 'i>, local: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| is(c, local))
}

fn child_val<'a>(n: &Node<'a, '_>, local: &str) -> Option<&'a str> {
    child(n, local).and_then(|c| attr(&c, "val"))
}

// ---------------------------------------------------------------- numbering

#[derive(Debug, Clone, Default)]
struct Level {
    start: i64,
    fmt: String,
    text: String,
    suffix: String,
    restart: Option<i64>,
    legal: bool,
    style: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: String,
    /// ilvl → start override.
    starts: HashMap<usize, i64>,
    /// ilvl → level redefined for this instance.
    levels: HashMap<usize, Level>,
}

#[derive(Debug, Default)]
struct Numbering {
    abstracts: HashMap<String, Vec<Option<Level>>>,
    nums: HashMap<String, Num>,
}

fn parse_level(l: Node) -> (usize, Level) {
    let ilvl = attr(&l, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0usize).min(8);
    let level = Level {
        start: child_val(&l, "start").and_then(|v| v.parse().ok()).unwrap_or(1),
        fmt: child_val(&l, "numFmt").unwrap_or("decimal").to_string(),
        text: child_val(&l, "lvlText").unwrap_or("").to_string(),
        suffix: child_val(&l, "suff").unwrap_or("tab").to_string(),
        restart: child_val(&l, "lvlRestart").and_then(|v| v.parse().ok()),
        legal: child(&l, "isLgl").is_some_and(|n| attr(&n, "val").is_none_or(on)),
        style: child_val(&l, "pStyle").map(str::to_string),
    };
    (ilvl, level)
}

fn on(v: &str) -> bool {
    !matches!(v, "0" | "false" | "off")
}

impl Numbering {
    fn parse(doc: &Document) -> Numbering {
        let mut numbering = Numbering::default();
        for n in doc.root_element().children() {
            if is(&n, "abstractNum") {
                let Some(id) = attr(&n, "abstractNumId") else {
                    continue;
                };
                let mut levels = vec![None; 9];
                for l in n.children().filter(|c| is(c, "lvl")) {
                    let (i, level) = parse_level(l);
                    levels[i] = Some(level);
                }
                numbering.abstracts.insert(id.to_string(), levels);
            } else if is(&n, "num") {
                let Some(id) = attr(&n, "numId") else {
                    continue;
                };
                let Some(abstract_id) = child_val(&n, "abstractNumId") else {
                    continue;
                };
                let mut num = Num {
                    abstract_id: abstract_id.to_string(),
                    ..Default::default()
                };
                for o in n.children().filter(|c| is(c, "lvlOverride")) {
                    let ilvl = attr(&o, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0usize).min(8);
                    if let Some(s) = child_val(&o, "startOverride").and_then(|v| v.parse().ok()) {
                        num.starts.insert(ilvl, s);
                    }
                    if let Some(l) = child(&o, "lvl") {
                        let (_, level) = parse_level(l);
                        num.levels.insert(ilvl, level);
                    }
                }
                numbering.nums.insert(id.to_string(), num);
            }
        }
        numbering
    }

    fn level(&self, num: &Num, ilvl: usize) -> Option<Level> {
        if let Some(l) = num.levels.get(&ilvl) {
            return Some(l.clone());
        }
        self.abstracts
            .get(&num.abstract_id)
            .and_then(|ls| ls.get(ilvl).cloned().flatten())
    }
}

/// Paragraph style id → (numId, ilvl) from `styles.xml`, following `w:basedOn`.
type NumRef = (String, Option<usize>);

fn style_numbering(doc: &Document) -> HashMap<String, NumRef> {
    // style id → (its own numbering, the style it is based on)
    let mut direct: HashMap<String, (Option<NumRef>, Option<String>)> = HashMap::new();
    for s in doc.root_element().children().filter(|c| is(c, "style")) {
        if attr(&s, "type").is_some_and(|t| t != "paragraph") {
            continue;
        }
        let Some(id) = attr(&s, "styleId") else {
            continue;
        };
        let num = child(&s, "pPr").and_then(|p| child(&p, "numPr")).and_then(|np| {
            let num_id = child_val(&np, "numId")?.to_string();
            let ilvl = child_val(&np, "ilvl").and_then(|v| v.parse().ok());
            Some((num_id, ilvl))
        });
        let based = child_val(&s, "basedOn").map(str::to_string);
        direct.insert(id.to_string(), (num, based));
    }
    let mut out = HashMap::new();
    for id in direct.keys() {
        let mut cur = Some(id.clone());
        let mut hops = 0;
        while let Some(c) = cur {
            hops += 1;
            if hops > 20 {
                break;
            }
            match direct.get(&c) {
                Some((Some(num), _)) => {
                    out.insert(id.clone(), num.clone());
                    break;
                }
                Some((None, based)) => cur = based.clone(),
                None => break,
            }
        }
    }
    out
}

const CN_DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
const CN_LEGAL: [&str; 10] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];

/// Chinese counting (一 … 十 … 十一 … 二十 … 一百零一 …) with the given digits and units.
fn chinese(n: i64, digits: &[&str; 10], units: [&str; 3]) -> String {
    if n <= 0 {
        return digits[0].to_string();
    }
    if n >= 10000 {
        return n.to_string();
    }
    let d = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut zero = false;
    for (i, &x) in d.iter().enumerate() {
        let unit = match i {
            0 => units[2],
            1 => units[1],
            2 => units[0],
            _ => "",
        };
        if x == 0 {
            if !out.is_empty() {
                zero = true;
            }
            continue;
        }
        if zero {
            out.push_str(digits[0]);
            zero = false;
        }
        // 十一, not 一十一, when ten is the highest place (as Word writes it).
        if !(i == 2 && x == 1 && out.is_empty()) {
            out.push_str(digits[x as usize]);
        }
        out.push_str(unit);
    }
    out
}

fn roman(mut n: i64) -> String {
    if !(1..4000).contains(&n) {
        return n.to_string();
    }
    let table = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in table {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

fn letters(n: i64, upper: bool) -> String {
    if n <= 0 {
        return n.to_string();
    }
    // Word repeats the letter: a … z, aa … zz, aaa …
    let base = if upper { b'A' } else { b'a' };
    let c = (base + ((n - 1) % 26) as u8) as char;
    std::iter::repeat_n(c, ((n - 1) / 26 + 1) as usize).collect()
}

/// One counter in a numbering format. `None` for formats that show no number (bullets,
/// `none`) and for formats not handled.
fn format_number(n: i64, fmt: &str) -> Option<String> {
    let tens = ["十", "百", "千"];
    Some(match fmt {
        "decimal" => n.to_string(),
        "decimalZero" => format!("{n:02}"),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(0xFF10 + d).unwrap_or(c),
                None => c,
            })
            .collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n as u32 - 1)?.to_string()
        }
        "decimalEnclosedParen" => format!("({n})"),
        "decimalEnclosedFullstop" => format!("{n}."),
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "koreanCounting" => chinese(n, &CN_DIGITS, tens),
        "chineseLegalSimplified" | "ideographLegalTraditional" => chinese(n, &CN_LEGAL, ["拾", "佰", "仟"]),
        "ideographTraditional" if (1..=10).contains(&n) => {
            ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"][n as usize - 1].to_string()
        }
        "ideographZodiac" if (1..=12).contains(&n) => {
            ["子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"][n as usize - 1].to_string()
        }
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperLetter" => letters(n, true),
        "lowerLetter" => letters(n, false),
        "ordinal" => format!("{n}."),
        "cardinalText" | "ordinalText" => n.to_string(),
        _ => return None,
    })
}

// ---------------------------------------------------------------- body

struct Reader {
    numbering: Numbering,
    style_numbering: HashMap<String, (String, Option<usize>)>,
    /// abstractNumId → counters of levels 0..9 (None: not started since reset).
    counters: HashMap<String, [Option<i64>; 9]>,
    /// numId → levels whose startOverride has been applied.
    overrides_applied: HashMap<String, Vec<usize>>,
    paragraphs: usize,
    tables: usize,
    blocks: Vec<Block>,
    /// Cells and bytes of text in the resolved table grids so far.
    grid_cells: usize,
    grid_bytes: usize,
}

/// Word tables have at most 63 columns; a row wider than this is not a real table.
const MAX_COLUMNS: usize = 10_000;
/// The most cells, and bytes of cell text, all the tables of a document may resolve to.
const GRID_CELLS: usize = 5_000_000;
const GRID_BYTES: usize = 512 * 1024 * 1024;

/// Text collected from a paragraph, with the text boxes it anchors.
#[derive(Default)]
struct ParaText {
    text: String,
    boxes: Vec<String>,
}

impl Reader {
    fn body(&mut self, node: Node) -> Result<(), ReadError> {
        for n in node.children().filter(|n| n.is_element()) {
            match n.tag_name().name() {
                "p" => {
                    self.paragraphs += 1;
                    let at = self.paragraphs;
                    let p = self.paragraph(n);
                    if !p.text.trim().is_empty() {
                        self.blocks.push(Block::Paragraph {
                            text: p.text,
                            at: Origin::Paragraph(at),
                        });
                    }
                    for text in p.boxes {
                        self.blocks.push(Block::Paragraph {
                            text,
                            at: Origin::Paragraph(at),
                        });
                    }
                }
                "tbl" => {
                    self.tables += 1;
                    let at = self.tables;
                    let (rows, merged, boxes) = self.table(n)?;
                    self.blocks.push(Block::Table {
                        rows,
                        merged,
                        at: Origin::Table(at),
                    });
                    for text in boxes {
                        self.blocks.push(Block::Paragraph {
                            text,
                            at: Origin::Table(at),
                        });
                    }
                }
                "sdt" => {
                    if let Some(content) = child(&n, "sdtContent") {
                        self.body(content)?;
                    }
                }
                "customXml" | "ins" | "moveTo" => self.body(n)?,
                "AlternateContent" => {
                    if let Some(choice) = n.children().find(|c| is(c, "Choice")) {
                        self.body(choice)?;
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// The text of one `w:p`, numbering prefix included.
    fn paragraph(&mut self, p: Node) -> ParaText {
        let mut out = ParaText::default();
        let ppr = child(&p, "pPr");
        if let Some(prefix) = ppr.and_then(|ppr| self.number(ppr)) {
            out.text.push_str(&prefix);
        }
        self.runs(p, &mut out);
        out
    }

    fn runs(&mut self, node: Node, out: &mut ParaText) {
        for n in node.children().filter(|n| n.is_element()) {
            match n.tag_name().name() {
                "t" => out.text.push_str(n.text().unwrap_or("")),
                "tab" | "ptab" => out.text.push('\t'),
                // Hidden text (w:vanish) is not shown or printed by Word: left out.
                "r" if child(&n, "rPr")
                    .and_then(|p| child(&p, "vanish"))
                    .is_some_and(|v| attr(&v, "val").is_none_or(on)) => {}
                "br" | "cr" => out.text.push('\n'),
                "noBreakHyphen" => out.text.push('-'),
                "pPr" | "rPr" | "del" | "moveFrom" | "delText" | "instrText" | "delInstrText" | "sym"
                | "softHyphen" | "fldChar" => {}
                "AlternateContent" => {
                    if let Some(choice) = n.children().find(|c| is(c, "Choice")) {
                        self.runs(choice, out);
                    }
                }
                "txbxContent" => {
                    let texts = self.flat_texts(n);
                    out.boxes.extend(texts);
                }
                _ => self.runs(n, out),
            }
        }
    }

    /// The non-empty paragraph texts under a container (a text box, a nested table), tables
    /// flattened, in document order.
    fn flat_texts(&mut self, node: Node) -> Vec<String> {
        let mut texts = Vec::new();
        for n in node.children().filter(|n| n.is_element()) {
            match n.tag_name().name() {
                "p" => {
                    let p = self.paragraph(n);
                    if !p.text.trim().is_empty() {
                        texts.push(p.text);
                    }
                    texts.extend(p.boxes);
                }
                "pPr" | "tblPr" | "tblGrid" | "trPr" | "tcPr" | "del" | "moveFrom" => {}
                "tr" if child(&n, "trPr").and_then(|p| child(&p, "del")).is_some() => {}
                "AlternateContent" => {
                    if let Some(choice) = n.children().find(|c| is(c, "Choice")) {
                        texts.extend(self.flat_texts(choice));
                    }
                }
                _ => texts.extend(self.flat_texts(n)),
            }
        }
        texts
    }

    /// The numbering prefix of a paragraph with these properties, advancing the counters.
    fn number(&mut self, ppr: Node) -> Option<String> {
        let direct = child(&ppr, "numPr").map(|np| {
            (
                child_val(&np, "numId").map(str::to_string),
                child_val(&np, "ilvl").and_then(|v| v.parse::<usize>().ok()),
            )
        });
        let style = child_val(&ppr, "pStyle");
        let from_style = style.and_then(|s| self.style_numbering.get(s).cloned());
        let (num_id, ilvl) = match (direct, from_style) {
            (Some((Some(id), l)), s) => (id, l.or(s.and_then(|s| s.1))),
            (Some((None, l)), Some((id, sl))) => (id, l.or(sl)),
            (None, Some((id, l))) => (id, l),
            _ => return None,
        };
        if num_id == "0" {
            return None;
        }
        let num = self.numbering.nums.get(&num_id)?.clone();
        let ilvl = match ilvl {
            Some(l) => l.min(8),
            // A style's numbering without a level: the level that names the style, else 0.
            None => (0..9)
                .find(|&i| {
                    self.numbering
                        .level(&num, i)
                        .is_some_and(|l| l.style.as_deref() == style && style.is_some())
                })
                .unwrap_or(0),
        };
        let level = self.numbering.level(&num, ilvl)?;
        let shows_number = !matches!(level.fmt.as_str(), "bullet" | "none");
        let levels: Vec<Option<Level>> = (0..9).map(|i| self.numbering.level(&num, i)).collect();
        let counters = self.counters.entry(num.abstract_id.clone()).or_insert([None; 9]);
        let applied = self.overrides_applied.entry(num_id.clone()).or_default();
        if let Some(&s) = num.starts.get(&ilvl)
            && !applied.contains(&ilvl)
        {
            applied.push(ilvl);
            counters[ilvl] = Some(s);
        } else {
            counters[ilvl] = Some(match counters[ilvl] {
                Some(c) => c.saturating_add(1),
                None => level.start,
            });
        }
        // Deeper levels restart, unless they say they never do (lvlRestart 0) or restart
        // only after a level above this one.
        for (deeper, l) in levels.iter().enumerate().skip(ilvl + 1) {
            let restart = l.as_ref().and_then(|l| l.restart);
            match restart {
                Some(0) => {}
                Some(r) if (r as usize) <= ilvl => {}
                _ => counters[deeper] = None,
            }
        }
        if !shows_number {
            return None;
        }
        let mut text = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%'
                && let Some(d) = chars.peek().and_then(|d| d.to_digit(10))
            {
                chars.next();
                let i = (d as usize).saturating_sub(1).min(8);
                let lv = levels[i].clone().unwrap_or_default();
                let value = counters[i].unwrap_or(lv.start);
                // Legal numbering shows the levels above in decimal; a level the list does
                // not define counts in decimal too.
                let fmt = if (level.legal && i != ilvl) || lv.fmt.is_empty() {
                    "decimal"
                } else {
                    lv.fmt.as_str()
                };
                text.push_str(&format_number(value, fmt)?);
            } else {
                text.push(c);
            }
        }
        if text.is_empty() {
            return None;
        }
        match level.suffix.as_str() {
            "nothing" => {}
            "space" => text.push(' '),
            _ => {
                let last = text.chars().last().unwrap_or(' ');
                if !(last.is_ascii_punctuation() || is_cjk_punctuation(last)) {
                    text.push(' ');
                }
            }
        }
        Some(text)
    }

    /// A `w:tbl` as a full grid, and the text boxes found in it.
    /// Refused when the resolved grids of the document would pass `GRID_CELLS` cells or
    /// `GRID_BYTES` of text: repeating merged cells multiplies text, and a small crafted
    /// table (a long cell continued down thousands of rows) could otherwise exhaust memory.
    #[allow(clippy::type_complexity)]
    fn table(&mut self, tbl: Node) -> Result<(Vec<Vec<String>>, Vec<Vec<bool>>, Vec<String>), ReadError> {
        #[derive(Clone, Copy)]
        enum Slot {
            Empty,
            /// An index into `texts`.
            Cell {
                text: usize,
                first: bool,
            },
            Continue,
        }
        let too_large = || {
            ReadError::Corrupt(format!(
                "its tables are too large (over {GRID_CELLS} cells or {} MB of text once merged cells are repeated)",
                GRID_BYTES / 1024 / 1024
            ))
        };
        let mut cell_texts: Vec<String> = Vec::new();
        let mut slot_total = 0usize;
        let grid_cols = child(&tbl, "tblGrid")
            .map(|g| g.children().filter(|c| is(c, "gridCol")).count())
            .unwrap_or(0);
        let mut slots: Vec<Vec<Slot>> = Vec::new();
        let mut boxes = Vec::new();
        for tr in rows_of(tbl) {
            let mut row = Vec::new();
            let trpr = child(&tr, "trPr");
            // A row deleted with tracked changes on.
            if trpr.and_then(|p| child(&p, "del")).is_some() {
                continue;
            }
            let before = trpr
                .and_then(|p| child_val(&p, "gridBefore"))
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(0)
                .min(1000);
            let after = trpr
                .and_then(|p| child_val(&p, "gridAfter"))
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(0)
                .min(1000);
            row.extend(std::iter::repeat_n(Slot::Empty, before));
            for tc in cells_of(tr) {
                if row.len() > MAX_COLUMNS {
                    return Err(too_large());
                }
                let tcpr = child(&tc, "tcPr");
                let span = tcpr
                    .and_then(|p| child_val(&p, "gridSpan"))
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 1000);
                let vmerge = tcpr.and_then(|p| child(&p, "vMerge"));
                let vcontinue = vmerge.is_some_and(|v| attr(&v, "val").is_none_or(|v| v != "restart"));
                let hcontinue = tcpr
                    .and_then(|p| child(&p, "hMerge"))
                    .is_some_and(|h| attr(&h, "val").is_none_or(|v| v != "restart"));
                if vcontinue {
                    row.extend(std::iter::repeat_n(Slot::Continue, span));
                    continue;
                }
                let mut texts = Vec::new();
                for n in tc.children().filter(|n| n.is_element()) {
                    match n.tag_name().name() {
                        "tcPr" => {}
                        "p" => {
                            let p = self.paragraph(n);
                            if !p.text.trim().is_empty() {
                                texts.push(p.text);
                            }
                            boxes.extend(p.boxes);
                        }
                        _ => texts.extend(self.flat_texts(n)),
                    }
                }
                if hcontinue && let Some(Slot::Cell { text: left, .. }) = row.last().copied() {
                    // Legacy horizontal merge: this cell continues the one to its left.
                    row.extend(std::iter::repeat_n(
                        Slot::Cell {
                            text: left,
                            first: false,
                        },
                        span,
                    ));
                    continue;
                }
                cell_texts.push(texts.join("\n"));
                let text = cell_texts.len() - 1;
                row.push(Slot::Cell { text, first: true });
                row.extend(std::iter::repeat_n(Slot::Cell { text, first: false }, span - 1));
            }
            row.extend(std::iter::repeat_n(Slot::Empty, after));
            slot_total += row.len();
            if row.len() > MAX_COLUMNS || slot_total > GRID_CELLS {
                return Err(too_large());
            }
            slots.push(row);
        }
        let width = slots.iter().map(Vec::len).max().unwrap_or(0).max(grid_cols.min(1000));
        let mut rows: Vec<Vec<String>> = Vec::with_capacity(slots.len());
        let mut merged: Vec<Vec<bool>> = Vec::with_capacity(slots.len());
        for (r, row) in slots.iter().enumerate() {
            let mut texts = Vec::with_capacity(width);
            let mut flags = Vec::with_capacity(width);
            self.grid_cells += width;
            if self.grid_cells > GRID_CELLS {
                return Err(too_large());
            }
            let above = r.checked_sub(1).map(|i| rows[i].clone());
            for c in 0..width {
                match row.get(c).copied().unwrap_or(Slot::Empty) {
                    Slot::Empty => {
                        texts.push(String::new());
                        flags.push(false);
                    }
                    Slot::Cell { text, first } => {
                        let text = &cell_texts[text];
                        self.grid_bytes += text.len();
                        texts.push(text.clone());
                        flags.push(!first);
                    }
                    Slot::Continue => {
                        if let Some(above) = &above {
                            self.grid_bytes += above[c].len();
                            texts.push(above[c].clone());
                            flags.push(true);
                        } else {
                            texts.push(String::new());
                            flags.push(false);
                        }
                    }
                }
            }
            if self.grid_bytes > GRID_BYTES {
                return Err(too_large());
            }
            rows.push(texts);
            merged.push(flags);
        }
        Ok((rows, merged, boxes))
    }
}

fn is_cjk_punctuation(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}')
}

/// The `w:tr`s of a table, looking through row-level content controls and custom XML.
fn rows_of<'a, 'i>(tbl: Node<'a, 'i>) -> Vec<Node<'a, 'i>> {
    let mut out = Vec::new();
    for n in tbl.children().filter(|n| n.is_element()) {
        match n.tag_name().name() {
            "tr" => out.push(n),
            "sdt" => {
                if let Some(c) = child(&n, "sdtContent") {
                    out.extend(rows_of(c));
                }
            }
            "customXml" | "ins" | "moveTo" => out.extend(rows_of(n)),
            _ => {}
        }
    }
    out
}

/// The `w:tc`s of a row, looking through cell-level content controls and custom XML.
fn cells_of<'a, 'i>(tr: Node<'a, 'i>) -> Vec<Node<'a, 'i>> {
    let mut out = Vec::new();
    for n in tr.children().filter(|n| n.is_element()) {
        match n.tag_name().name() {
            "tc" => out.push(n),
            "sdt" => {
                if let Some(c) = child(&n, "sdtContent") {
                    out.extend(cells_of(c));
                }
            }
            "customXml" | "ins" | "moveTo" => out.extend(cells_of(n)),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn doc(body: &str) -> String {
        format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>"#)
    }

    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
    }

    fn numbered(num: u32, ilvl: u32, text: &str) -> String {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    }

    fn texts(src: &Source) -> Vec<String> {
        src.blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph { text, .. } => text.clone(),
                Block::Table { rows, .. } => format!("{rows:?}"),
            })
            .collect()
    }

    #[test]
    fn paragraphs_runs_deleted_and_inserted_text() {
        let body = format!(
            r#"{}<w:p/><w:p><w:r><w:t>保留</w:t></w:r><w:del w:id="1"><w:r><w:delText>删除</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>插入</w:t></w:r></w:ins><w:r><w:tab/><w:t>a</w:t><w:br/><w:t>b</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>c</w:t></w:r></w:p>
            <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:hyperlink r:id="x" xmlns:r="r"><w:r><w:t>链接</w:t></w:r></w:hyperlink><w:sdt><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt></w:p>"#,
            p("第一段")
        );
        let src = read_xml(&doc(&body), None, None).unwrap();
        assert_eq!(texts(&src), ["第一段", "保留插入\ta\nbc", "7链接控件"]);
        // The empty paragraph is counted.
        assert_eq!(
            src.blocks[2],
            Block::Paragraph {
                text: "7链接控件".into(),
                at: Origin::Paragraph(4)
            }
        );
    }

    #[test]
    fn tables_resolve_grid_span_and_vertical_merge() {
        let tc = |text: &str, pr: &str| format!("<w:tc><w:tcPr>{pr}</w:tcPr>{}</w:tc>", p(text));
        let body = format!(
            "{}<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>\
             <w:tr>{}</w:tr><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>{}",
            p("前"),
            tc("标题", r#"<w:gridSpan w:val="3"/>"#),
            tc("产出指标", r#"<w:vMerge w:val="restart"/>"#),
            tc("数量指标", ""),
            tc("10", ""),
            tc("", "<w:vMerge/>"),
            tc("质量指标", ""),
            "<w:tc><w:p/></w:tc>",
            p("后"),
        );
        let src = read_xml(&doc(&body), None, None).unwrap();
        let Block::Table { rows, merged, at } = &src.blocks[1] else {
            panic!("{:?}", src.blocks)
        };
        assert_eq!(*at, Origin::Table(1));
        assert_eq!(
            rows,
            &[
                vec!["标题", "标题", "标题"],
                vec!["产出指标", "数量指标", "10"],
                vec!["产出指标", "质量指标", ""],
            ]
        );
        assert_eq!(
            merged,
            &[
                vec![false, true, true],
                vec![false, false, false],
                vec![true, false, false],
            ]
        );
        assert_eq!(
            src.blocks[2],
            Block::Paragraph {
                text: "后".into(),
                at: Origin::Paragraph(2)
            }
        );
    }

    #[test]
    fn absurdly_wide_tables_are_refused() {
        let cell = r#"<w:tc><w:tcPr><w:gridSpan w:val="1000"/></w:tcPr><w:p/></w:tc>"#;
        let body = format!("<w:tbl><w:tr>{}</w:tr></w:tbl>", cell.repeat(11));
        assert!(matches!(
            read_xml(&doc(&body), None, None),
            Err(ReadError::Corrupt(d)) if d.contains("too large")
        ));
    }

    #[test]
    fn nested_tables_flatten_into_their_cell() {
        let body = format!(
            "<w:tbl><w:tr><w:tc>{}<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>",
            p("外"),
            p("内1"),
            p("内2")
        );
        let src = read_xml(&doc(&body), None, None).unwrap();
        assert_eq!(texts(&src), [r#"[["外\n内1\n内2"]]"#]);
    }

    const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/><w:suff w:val="space"/></w:lvl>
        <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
      <w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
    </w:numbering>"#;

    #[test]
    fn numbering_renders_chinese_and_decimal_prefixes() {
        let body = [
            numbered(1, 0, "部门概况"),
            numbered(1, 1, "基本情况"),
            numbered(1, 2, "职能"),
            numbered(1, 2, "机构"),
            numbered(1, 1, "重点工作"),
            numbered(1, 2, "第一项"),
            numbered(1, 0, "支出情况"),
            numbered(1, 1, "基本支出"),
            numbered(2, 0, "甲"),
            numbered(2, 0, "乙"),
            numbered(2, 1, "要点"),
            numbered(3, 0, "重新开始"),
            numbered(0, 0, "无编号"),
            numbered(4, 0, "未定义的抽象编号"),
        ]
        .concat();
        let src = read_xml(&doc(&body), Some(NUMBERING), None).unwrap();
        assert_eq!(
            texts(&src),
            [
                "一、部门概况",
                "（一）基本情况",
                "1.职能",
                "2.机构",
                "（二）重点工作",
                "1.第一项",
                "二、支出情况",
                "（一）基本支出",
                "1 甲",
                "2 乙",
                "要点",
                "1 重新开始",
                "无编号",
                "未定义的抽象编号",
            ]
        );
    }

    #[test]
    fn multi_level_and_legal_numbering() {
        let numbering = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
          <w:abstractNum w:abstractNumId="0">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimalZero"/><w:isLgl/><w:lvlText w:val="%1.%2"/></w:lvl>
          </w:abstractNum>
          <w:abstractNum w:abstractNumId="1">
            <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
          </w:abstractNum>
          <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
          <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
        </w:numbering>"#;
        let body = [
            numbered(1, 0, "Article"),
            numbered(1, 1, "Section"),
            numbered(1, 1, "Section"),
            numbered(2, 1, "先用二级"),
            numbered(2, 0, "一级"),
            numbered(2, 1, "二级"),
        ]
        .concat();
        let src = read_xml(&doc(&body), Some(numbering), None).unwrap();
        assert_eq!(
            texts(&src),
            [
                "I.Article",
                "1.01 Section",
                "1.02 Section",
                "3.1.先用二级",
                "3.一级",
                "3.1.二级"
            ]
        );
    }

    #[test]
    fn numbering_from_paragraph_styles() {
        let styles = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
          <w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
          <w:style w:type="paragraph" w:styleId="H1b"><w:basedOn w:val="H1"/></w:style>
        </w:styles>"#;
        let h = |style: &str, text: &str| {
            format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
        };
        let body = [h("H1", "概况"), h("H1b", "支出"), p("正文")].concat();
        let src = read_xml(&doc(&body), Some(NUMBERING), Some(styles)).unwrap();
        assert_eq!(texts(&src), ["一、概况", "二、支出", "正文"]);
    }

    #[test]
    fn chinese_counting() {
        let f = |n| format_number(n, "chineseCounting").unwrap();
        assert_eq!(
            [f(1), f(9), f(10), f(11), f(20), f(21), f(99), f(100), f(101), f(110)],
            [
                "一",
                "九",
                "十",
                "十一",
                "二十",
                "二十一",
                "九十九",
                "一百",
                "一百零一",
                "一百一十"
            ]
        );
        assert_eq!(format_number(3, "ideographTraditional").unwrap(), "丙");
        assert_eq!(format_number(12, "chineseLegalSimplified").unwrap(), "拾贰");
        assert_eq!(format_number(4, "lowerRoman").unwrap(), "iv");
        assert_eq!(format_number(28, "upperLetter").unwrap(), "BB");
        assert_eq!(format_number(2, "decimalEnclosedCircle").unwrap(), "②");
        assert_eq!(format_number(1, "bullet"), None);
        assert_eq!(format_number(-12, "decimalFullWidth").unwrap(), "-１２");
        assert_eq!(
            format_number(i64::MAX, "chineseCounting").unwrap(),
            i64::MAX.to_string()
        );
    }

    #[test]
    fn text_boxes_follow_their_paragraph() {
        let body = format!(
            r#"<w:p><w:r><w:t>锚</w:t></w:r><w:r><w:pict><v:shape xmlns:v="v"><v:textbox><w:txbxContent>{}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>{}"#,
            p("框内"),
            p("下一段")
        );
        let src = read_xml(&doc(&body), None, None).unwrap();
        assert_eq!(texts(&src), ["锚", "框内", "下一段"]);
        assert_eq!(
            src.blocks[1],
            Block::Paragraph {
                text: "框内".into(),
                at: Origin::Paragraph(1)
            }
        );
    }

    #[test]
    fn alternate_content_is_read_once() {
        let boxed = format!("<w:txbxContent>{}</w:txbxContent>", p("框"));
        let body = format!(
            r#"<w:p><w:r><mc:AlternateContent xmlns:mc="mc"><mc:Choice Requires="wps"><w:drawing>{boxed}</w:drawing></mc:Choice><mc:Fallback><w:pict>{boxed}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><mc:AlternateContent xmlns:mc="mc"><mc:Choice Requires="wps"><w:drawing>{boxed}</w:drawing></mc:Choice><mc:Fallback><w:pict>{boxed}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p></w:tc></w:tr>
            <w:tr><w:trPr><w:del w:id="9"/></w:trPr><w:tc>{}</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>"#,
            p("删除的行")
        );
        let src = read_xml(&doc(&body), None, None).unwrap();
        assert_eq!(texts(&src), ["框", r#"[["框"]]"#]);
    }

    #[test]
    fn images_without_text_are_a_scan() {
        let body = r#"<w:p><w:r><w:drawing/></w:r></w:p><w:p/>"#;
        assert_eq!(read_xml(&doc(body), None, None), Err(ReadError::Scanned));
        assert_eq!(read_xml(&doc("<w:p/>"), None, None), Ok(Source::default()));
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let n = 100_000;
        let body = format!("<w:p>{}<w:t>x</w:t>{}</w:p>", "<w:r>".repeat(n), "</w:r>".repeat(n));
        assert!(matches!(
            read_xml(&doc(&body), None, None),
            Err(ReadError::Corrupt(d)) if d.contains("nested")
        ));
        let ok = format!("<w:p>{}<w:t>x</w:t>{}</w:p>", "<w:r>".repeat(50), "</w:r>".repeat(50));
        assert_eq!(texts(&read_xml(&doc(&ok), None, None).unwrap()), ["x"]);
    }

    fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in files {
            w.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn parts_over_the_limit_are_refused() {
        let bytes = zip_of(&[("word/document.xml", &[b' '; 5000])]);
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        assert!(matches!(
            zip_part_limited(&mut zip, "word/document.xml", 4096),
            Err(ReadError::Corrupt(d)) if d.contains("larger than")
        ));
        assert_eq!(
            zip_part_limited(&mut zip, "word/document.xml", 5000)
                .unwrap()
                .unwrap()
                .len(),
            5000
        );
        assert_eq!(zip_part_limited(&mut zip, "word/numbering.xml", 5000), Ok(None));
    }

    #[test]
    fn a_whole_package_reads() {
        let document = doc(&numbered(1, 0, "概况"));
        let bytes = zip_of(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("word/document.xml", document.as_bytes()),
            ("word/numbering.xml", NUMBERING.as_bytes()),
        ]);
        assert_eq!(texts(&read_bytes(&bytes).unwrap()), ["一、概况"]);
        let bad = zip_of(&[("word/document.xml", b"<w:document><w:body><w:p>")]);
        assert!(matches!(read_bytes(&bad), Err(ReadError::Corrupt(d)) if d.contains("malformed")));
        let latin1 = zip_of(&[("word/document.xml", b"<a>\xff</a>")]);
        assert!(matches!(read_bytes(&latin1), Err(ReadError::Corrupt(d)) if d.contains("UTF-8")));
    }

    #[test]
    fn the_main_part_is_found_through_the_package_relationships() {
        let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/>
        </Relationships>"#;
        let doc_rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="../word/lists.xml"/>
        </Relationships>"#;
        let document = doc(&numbered(1, 0, "概况"));
        let bytes = zip_of(&[
            ("_rels/.rels", rels.as_bytes()),
            ("word/_rels/document2.xml.rels", doc_rels.as_bytes()),
            ("word/document2.xml", document.as_bytes()),
            ("word/lists.xml", NUMBERING.as_bytes()),
        ]);
        assert_eq!(texts(&read_bytes(&bytes).unwrap()), ["一、概况"]);
        let missing = zip_of(&[("_rels/.rels", rels.as_bytes())]);
        assert!(matches!(read_bytes(&missing), Err(ReadError::Corrupt(d)) if d.contains("word/document2.xml")));
    }

    #[test]
    fn malformed_xml_and_bad_bytes() {
        assert!(matches!(
            read_xml("<w:document><w:body>", None, None),
            Err(ReadError::Corrupt(d)) if d.contains("malformed XML")
        ));
        assert!(matches!(read_bytes(b"hello"), Err(ReadError::Corrupt(_))));
        let mut ole = OLE2_MAGIC.to_vec();
        ole.extend([0u8; 600]);
        assert_eq!(read_bytes(&ole), Err(ReadError::OldWord));
        ole.extend("EncryptedPackage".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(read_bytes(&ole), Err(ReadError::Encrypted));
    }
}
