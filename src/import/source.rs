//! What every reader produces: the source document as blocks in reading order. The readers
//! (`txt`, `docx`, `xlsx`) differ only in how they get here; everything after — narrative,
//! form recognition, figures, provenance — works on these blocks alone, so a report imported
//! from its text and from its Word file gives the same draft.

use std::fmt;

/// One source document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Source {
    pub blocks: Vec<Block>,
}

/// A paragraph or a table, with where it came from (for provenance comments and messages).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// One paragraph as the source holds it: a line of a .txt, a `<w:p>` of a .docx, or a
    /// row of a sheet that is not part of a table.
    Paragraph { text: String, at: Origin },
    /// A table with merged cells resolved: every row has the grid's full width, and the text
    /// of a merged cell is repeated in each grid cell it covers (a level-one head spanning
    /// three rows reads the same on all three). `merged[r][c]` is true where a cell repeats
    /// the one above it or to its left, so Markdown output can leave the repeats blank.
    Table {
        rows: Vec<Vec<String>>,
        merged: Vec<Vec<bool>>,
        at: Origin,
    },
}

/// Where a block is in its source, in the words a clerk would use to find it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// 1-based line of a text file.
    Line(usize),
    /// 1-based paragraph of a Word document (counting paragraphs outside tables).
    Paragraph(usize),
    /// 1-based table of a Word document.
    Table(usize),
    /// A sheet of a workbook, and the 1-based first row of the block on it.
    Sheet { name: String, row: usize },
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Line(n) => write!(f, "line {n}"),
            Origin::Paragraph(n) => write!(f, "paragraph {n}"),
            Origin::Table(n) => write!(f, "table {n}"),
            Origin::Sheet { name, row } => write!(f, "sheet {name} row {row}"),
        }
    }
}

/// Why a source could not be read, each with what the clerk should do instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Not there or not readable (permissions, a folder).
    Io(String),
    /// Old binary Word (.doc, an OLE2 compound file): save it as .docx.
    OldWord,
    /// Old binary Excel (.xls): save it as .xlsx.
    OldExcel,
    /// Password-protected Office file (also an OLE2 container holding `EncryptedPackage`).
    Encrypted,
    /// A Word file with images but no text: a scan. Copy the text from the PDF, or OCR it.
    Scanned,
    /// The file is damaged or not what its extension says; the detail says what failed.
    Corrupt(String),
    /// An extension gongkai does not read (.pdf, .wps, …).
    Unsupported(String),
    /// A text file with no text (empty, or only spaces and line breaks).
    Empty,
    /// A text file over the size a report may have (its size in bytes).
    TooLarge(u64),
    /// A text file in another encoding than UTF-8 (or UTF-16): the likely one (GBK/GB18030).
    NotUtf8(String),
}
