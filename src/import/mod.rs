//! `gongkai import`: a draft report from the Word, Excel or pasted text staff already have.

pub mod docx;
pub mod source;
pub mod xlsx;
