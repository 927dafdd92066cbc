//! The catalogue: every message gongkai prints, in English and in Chinese.
//!
//! Each entry is `Key: "English" / "中文";`. `{name}` is an argument, filled when the message
//! is printed; `{{` and `}}` are braces. Both languages of an entry have the same arguments
//! (a test checks it). English wording is pinned by tests: change it on purpose only.

use super::Language;
use serde::{Deserialize, Serialize};

/// Makes [`Msg`] and its texts from the entries.
macro_rules! catalogue {
    ($($key:ident : $en:literal / $zh:literal ;)*) => {
        /// The key of a message in the catalogue.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum Msg {
            $($key,)*
        }

        impl Msg {
            /// Every message, in catalogue order.
            pub const ALL: &'static [Msg] = &[$(Msg::$key,)*];

            /// The message's wording in `lang`, with its `{name}` slots.
            pub fn text(self, lang: Language) -> &'static str {
                match lang {
                    Language::English => match self {
                        $(Msg::$key => $en,)*
                    },
                    Language::Chinese => match self {
                        $(Msg::$key => $zh,)*
                    },
                }
            }
        }
    };
}

catalogue! {
// ---- How a problem is shown -------------------------------------------------------------
DiagnosticLine: "{place}: {label}: {message}" / "{place}: {label}：{message}";
DiagnosticHelp: "  help: {help}" / "  建议：{help}";
LabelError: "error" / "错误";
LabelWarning: "warning" / "警告";
LabelNote: "note" / "提示";
CharControl: "{code} (a control character)" / "{code}（控制字符）";
CharControlNamed: "the control character {name}" / "控制字符 {name}";
CharInvisibleNamed: "the invisible character {name}" / "不可见字符 {name}";
InPlace: " in `{path}`" / "（`{path}`）";
OfPlace: " of `{path}`" / "`{path}` 的";

// ---- Numbers (decimal.rs) ----------------------------------------------------------------
ValueEmpty: "the value is empty" / "值为空";
ValueEmptyHelp: "write the figure as the report prints it, or leave the key out when the report does not state it (the site then shows it as not disclosed)" / "按报告原文填写数字；报告没有列出的，删去这个键（网站会显示为未披露）";
PercentSign: "`{text}` has a percent sign: write percentages as plain numbers (`98.47`, not `98.47%`)" / "`{text}` 带有百分号：百分比只写数字（写 `98.47`，不写 `98.47%`）";
PercentSignHelp: "remove the % sign: write `{number}`" / "去掉 % 号，写成 `{number}`";
BadSeparators: "`{text}` has misplaced thousands separators" / "`{text}` 的千位分隔符位置不对";
BadSeparatorsHelp: "thousands separators group three digits (`174,053.00`); or leave them out (`174053.00`)" / "千位分隔符每三位一组（`174,053.00`），也可以不写（`174053.00`）";
NotANumber: "`{value}` is not a number" / "`{value}` 不是数字";
NotANumberHelp: "write the figure in digits as the report prints it (`1545.30`, `-1.39`, `174,053.00`); leave the key out when the report does not state it" / "按报告原文用阿拉伯数字填写（`1545.30`、`-1.39`、`174,053.00`）；报告没有列出的，删去这个键";
TooManyDigits: "`{text}` has too many digits: at most {max_int} before the decimal point and {max_frac} after" / "`{text}` 位数太多：小数点前最多 {max_int} 位，小数点后最多 {max_frac} 位";
TooLarge: "`{text}` is too large or has too many decimals" / "`{text}` 数值过大或小数位过多";
CheckTypingHelp: "check the figure for a typing error against the printed report" / "对照报告原文检查这个数字是否录入有误";
SpaceInside: "`{number}` has {what} inside the number" / "`{number}` 的数字中间有{what}";
ASpace: "a space" / "空格";
ATab: "a tab" / "制表符";
TheChar: "{name}" / "字符 {name}";
SpaceInsideHelp: "write the figure without spaces, exactly as the report prints it: `{digits}`{alt}" / "数字中间不要有空格，按报告原文写成 `{digits}`{alt}";
SpaceInsideAlt: ", or `{decimal}` if it stands for a decimal point" / "；如果它代表小数点，写成 `{decimal}`";

// ---- Characters in a narrative (content/text.rs) -----------------------------------------
CharCount: "{name} ({n}×)" / "{name}（{n} 处）";
BodyControlsOne: "the text contains 1 control character that cannot be published, removed from the page: {list}" / "正文含有 1 个不能发布的控制字符，已从网页中删去：{list}";
BodyControlsMany: "the text contains {total} control characters that cannot be published, removed from the page: {list}" / "正文含有 {total} 个不能发布的控制字符，已从网页中删去：{list}";
BodyControlsHelp: "they are invisible and usually come from copying out of a PDF (a form feed marks a page break and became a line break); delete them from the file to silence this warning" / "这些字符看不见，通常来自从 PDF 复制的文字（换页符表示分页，已变成换行）；从文件中删去它们，这条警告就不再出现";

// ---- Front matter and settings syntax (yaml.rs) ------------------------------------------
FrontMatterTooLong: "the front matter is too long: {size} KB, at most {max} KB" / "文件头过长：{size} KB，最多 {max} KB";
FrontMatterTooLongHelp: "the front matter holds the figures and short texts; put the narrative below the closing `---`" / "文件头只放数字和简短文字；正文请写在结束的 `---` 之后";
FrontMatterContains: "the front matter contains {what}" / "文件头含有{what}";
DeleteInvisibleHelp: "delete it: it is invisible in most editors, so delete the text around line {line}, column {column} and type it again (it usually comes from copying out of a PDF or Word)" / "请删除它：多数编辑器里看不见它，请删掉第 {line} 行第 {column} 列附近的文字后重新输入（它通常来自从 PDF 或 Word 复制的文字）";
NestedTooDeeply: "the front matter is nested too deeply{place}: more than {max} levels" / "文件头嵌套过深{place}：超过 {max} 层";
NestedTooDeeplyHelp: "a report's figures are at most four levels deep: check for stray `[`, `{{` or `- ` that open a level and never close it" / "报告的数字最多四层：检查是否有多余的 `[`、`{{` 或 `- `，打开了一层却没有关闭";
TooMuch: "the front matter holds too much: more than {max_values} values or {max_mb} MB of text once YAML aliases (`*name`) are expanded" / "文件头内容过多：展开 YAML 别名（`*name`）后超过 {max_values} 个值或 {max_mb} MB 文字";
TooMuchHelp: "write each figure once, without `&anchor` and `*alias` (a report never needs them); a report has a few thousand values at most" / "每个数字只写一次，不要用 `&anchor` 和 `*alias`（报告用不到它们）；一份报告最多有几千个值";
ValueContains: "the value{place} contains {what}" / "{place}值含有{what}";
ValueControlHelp: "delete it: control characters cannot appear on a web page or in a feed (inside double quotes they are written as escapes such as `\\a`, `\\f` or `\\u0007`)" / "请删除它：网页和订阅源中不能出现控制字符（在双引号内，它们写作 `\\a`、`\\f` 或 `\\u0007` 这样的转义）";
KeyThenWideColon: "after the key `{key}` comes {what} instead of `:`" / "键 `{key}` 后面是 {what}，而不是 `:`";
KeyThenOddSpace: "after `{key}:` comes {what} instead of a plain space" / "`{key}:` 后面是 {what}，而不是普通空格";
KeySeparatorHelp: "write an ASCII colon and a normal space after every key, e.g. `year: 2023` (text pasted from Word or typed with a Chinese input method often has a full-width colon or a no-break space)" / "每个键后面写英文冒号和一个普通空格，例如 `year: 2023`（从 Word 粘贴或用中文输入法输入的文字常带有全角冒号或不换行空格）";
TomlFrontMatter: "front matter must be YAML between --- lines (this looks like TOML)" / "文件头必须是两行 --- 之间的 YAML（这里看起来是 TOML）";
TomlFrontMatterHelp: "write each setting as `key: value` with a colon and a space, not `key = value` (e.g. `title: 2021年度部门整体支出绩效自评报告`), nested figures indented under their section (see docs/content-format.md)" / "每项写成 `key: value`（冒号加一个空格），不要写 `key = value`（例如 `title: 2021年度部门整体支出绩效自评报告`），下级数字缩进写在所属部分之下（见 docs/content-format.md）";
KeyTwice: "key `{key}` appears twice{place}" / "键 `{key}` 出现了两次{place}";
KeyTwiceFirstOn: "key `{key}` appears twice{place} (first on line {first})" / "键 `{key}` 出现了两次{place}（第一次在第 {first} 行）";
KeyTwiceHelp: "keep one of them: a key may appear only once in the same block" / "只保留一个：同一块中每个键只能出现一次";
KeyTwiceSectionHelp: "keep one of them: a key may appear only once in the same block (if the second belongs to another section, indent it under that section)" / "只保留一个：同一块中每个键只能出现一次（如果第二个属于另一部分，请把它缩进到那一部分之下）";
NotValidToml: "site.toml is not valid TOML: {detail}" / "site.toml 不是有效的 TOML：{detail}";
NotValidTomlHelp: "write each setting on its own line as key = \"text\" (text in double quotes, lists in [ ]), and check that quotes are closed" / "每项设置单独一行，写成 key = \"文字\"（文字放在双引号内，列表放在 [ ] 内），并检查引号是否成对";
NotValidYaml: "the front matter is not valid YAML: {detail}" / "文件头不是有效的 YAML：{detail}";
NotValidYamlHelp: "check indentation (spaces, not tabs), that every `key:` has a space after the colon, and that quotes are closed" / "检查缩进（用空格，不用制表符）、每个 `key:` 的冒号后是否有空格，以及引号是否成对";
UnknownKey: "unknown key `{key}`{place}" / "未知的键 `{key}`{place}";
DidYouMeanKeysHere: "did you mean `{key}`? Keys allowed here: {list}" / "是不是要写 `{key}`？这里可以用的键：{list}";
KeysAllowedHere: "keys allowed here: {list}" / "这里可以用的键：{list}";
NoKeysAllowedHelp: "remove this key: no keys are allowed here (see docs/content-format.md)" / "删去这个键：这里不能有任何键（见 docs/content-format.md）";
MissingKey: "missing required key `{key}`{place}" / "缺少必填的键 `{key}`{place}";
MissingKeyHelp: "add a line `{key}: …` (see docs/content-format.md)" / "添加一行 `{key}: …`（见 docs/content-format.md）";
MissingKeyTomlHelp: "add a line `{key} = \"…\"` to site.toml (the bundled example's site.toml has every key)" / "在 site.toml 中添加一行 `{key} = \"…\"`（自带示例的 site.toml 列有全部设置）";
NotAllowedValue: "`{value}` is not an allowed value{place}" / "`{value}` 不是允许的值{place}";
UseOneOf: "use one of: {list}" / "请使用以下之一：{list}";
WrongKind: "wrong kind of value{place}: {detail}" / "值的类型不对{place}：{detail}";
WrongKindHelp: "numbers are written plainly (1545.30), text as text, lists with `- ` on each line" / "数字直接写（1545.30），文字照写，列表每项一行，以 `- ` 开头";
WrongKindTomlHelp: "in site.toml numbers are written plainly (50), text in double quotes (\"…\"), lists in square brackets ([\"zh\", \"en\"])" / "site.toml 中数字直接写（50），文字加英文双引号（\"…\"），列表写在方括号里（[\"zh\", \"en\"]）";
MessageInPlace: "{message}{place}" / "{message}{place}";
SeeDocsForValueHelp: "see docs/content-format.md for how to write this value" / "这个值的写法见 docs/content-format.md";
KindFound: "found {found}" / "这里是{found}";
KindFoundExpected: "found {found}, expected {expected}" / "这里是{found}，应为{expected}";
FoundText: "the text {value}" / "文字 {value}";
FoundNumber: "the number {value}" / "数字 {value}";
FoundList: "a list" / "列表";
FoundBlock: "a block of `key: value` lines" / "`key: value` 形式的多行块";
FoundTable: "a table of `key = value` settings" / "`key = value` 形式的设置表";
FoundNothing: "nothing" / "空值";
ExpectYear: "a whole number (digits only, e.g. 2023)" / "整数（只写数字，例如 2023）";
ExpectWholeNumber: "a whole number" / "整数";
ExpectNumber: "a number" / "数字";
ExpectFigure: "a number such as 1545.30" / "数字，例如 1545.30";
ExpectText: "text" / "文字";
ExpectBool: "true or false" / "true 或 false";
ExpectList: "a list (one `- ` line per item)" / "列表（每项一行，以 `- ` 开头）";
ExpectTomlList: "a list in square brackets ([\"zh\", \"en\"])" / "写在方括号里的列表（[\"zh\", \"en\"]）";
ExpectBlock: "a block of `key: value` lines, indented below its key" / "缩进写在键下方的 `key: value` 多行块";

// ---- Reading a content file (content/document.rs) ----------------------------------------
CannotReadFile: "cannot read the file: {error}" / "无法读取文件：{error}";
CannotReadFileHelp: "check that the file still exists and that the account running gongkai may read it" / "检查文件是否还在，以及运行 gongkai 的账户是否有权读取它";
FileTooLarge: "the file is too large: {size} MB, at most {max} MB" / "文件过大：{size} MB，最多 {max} MB";
FileTooLargeHelp: "a report is text only; images, tables pasted as pictures or attached PDFs cannot be published from content/" / "报告只能是文字；图片、以图片形式粘贴的表格或附带的 PDF 不能从 content/ 发布";
NotUtf8: "the file is not UTF-8 text" / "文件不是 UTF-8 编码的文本";
NotUtf8Help: "save the file as UTF-8 (in Notepad: File → Save As → Encoding: UTF-8); GBK/GB2312 files must be converted" / "把文件另存为 UTF-8 编码（记事本：文件 → 另存为 → 编码：UTF-8）；GBK/GB2312 编码的文件必须转换";
PlusFrontMatter: "front matter must be YAML between --- lines, not TOML between +++ lines" / "文件头必须是两行 --- 之间的 YAML，不能是两行 +++ 之间的 TOML";
PlusFrontMatterHelp: "replace both `+++` lines by `---`, and write each `key = value` as `key: value` (e.g. `title: 2021年度部门整体支出绩效自评报告`)" / "把两行 `+++` 都换成 `---`，并把每个 `key = value` 改写为 `key: value`（例如 `title: 2021年度部门整体支出绩效自评报告`）";
FrontMatterNotClosed: "the front matter is not closed" / "文件头没有结束";
FrontMatterNotClosedHelp: "add a line with three dashes `---` after the last figure, before the text" / "在最后一个数字之后、正文之前加一行三个短横 `---`";

// ---- Content files and folders (content/mod.rs) ------------------------------------------
WhatUnitId: "unit id" / "单位标识";
WhatFileName: "file name" / "文件名";
SlugTooLong: "the {what} `{name}` is too long: {n} characters, at most {max}" / "{what} `{name}` 过长：{n} 个字符，最多 {max} 个";
NotASlug: "the {what} `{name}` is not a slug" / "{what} `{name}` 不合规（只能用小写字母、数字和连字符）";
TranslationNamedHelp: "a translation into `{code}` is named `{base}.{code}.md`, written as in site.toml: rename it to that" / "`{code}` 译文的文件名是 `{base}.{code}.md`（语言代码照 site.toml 的写法）：请改成这个名字";
ChineseNoLanguageHelp: "a Chinese report carries no language in its name: rename it to `{base}.md`" / "中文报告的文件名不带语言代码：请改名为 `{base}.md`";
RenameToSlugHelp: "rename it to `{suggestion}`: use only lowercase letters a–z, digits and hyphens" / "请改名为 `{suggestion}`：只能用小写字母 a–z、数字和连字符";
SlugRulesHelp: "use only lowercase letters a–z, digits and hyphens, at most {max} characters (e.g. the park's name in pinyin: `lengshuitan`)" / "只能用小写字母 a–z、数字和连字符，最多 {max} 个字符（例如园区名称的拼音：`lengshuitan`）";
NoParksFolder: "there is no content/parks folder" / "没有 content/parks 文件夹";
NoParksFolderHelp: "create content/parks/<unit-id>/_index.md for each unit (see docs/content-format.md)" / "为每个单位创建 content/parks/<单位标识>/_index.md（见 docs/content-format.md）";
LinkOutside: "this is a link to {target}, outside the site folder: it is not read" / "这是指向 {target} 的链接，位于网站文件夹之外：不读取";
LinkOutsideHelp: "copy the file or folder into {root} instead of linking to it: only files inside the site folder (the one holding site.toml) are published" / "请把文件或文件夹复制到 {root}，不要用链接：只发布网站文件夹（含 site.toml 的文件夹）内的文件";
LinkLoop: "this link leads back into a folder that contains it (a loop)" / "这个链接指回包含它的文件夹（形成循环）";
LinkLoopHelp: "remove the link, or make it point to a folder outside its own parents" / "删除这个链接，或让它指向不在其上级路径中的文件夹";
LinkBroken: "this is a link to {target}, which does not exist" / "这是指向 {target} 的链接，但目标不存在";
LinkBrokenHelp: "copy the file here instead of linking to it, or correct the link" / "把文件复制到这里，不要用链接；或者改正链接";
CannotRead: "cannot read: {error}" / "无法读取：{error}";
CannotReadFolderHelp: "check that the folder exists and that the account running gongkai may read it" / "检查文件夹是否存在，以及运行 gongkai 的账户是否有权读取它";
NotRead: "this file is not read: {why}" / "不读取此文件：{why}";
WhyNotSiteLanguage: "`{code}` is not one of the site's languages" / "`{code}` 不是本网站的语言";
AddLanguageHelp: "to publish it, add \"{code}\" to languages in site.toml and a UI strings file i18n/{code}.toml to the theme; otherwise move it out of content/" / "如要发布，请在 site.toml 的 languages 中加上 \"{code}\"，并在主题中加上界面文字文件 i18n/{code}.toml；否则请把它移出 content/";
WhyProfileName: "a unit's profile is `_index.md`" / "单位简介的文件名是 `_index.md`";
WhyProfileNameOne: "a unit's profile is `_index.md`, and its translation {one}" / "单位简介的文件名是 `_index.md`，其译文是 {one}";
WhyProfileNameMany: "a unit's profile is `_index.md`, and its translations {first} and {last}" / "单位简介的文件名是 `_index.md`，其译文是 {first} 和 {last}";
RenameIndexHelp: "rename it to `_index.md`" / "请改名为 `_index.md`";
RenameIndexOrHelp: "rename it to `_index.md` or {one}" / "请改名为 `_index.md` 或 {one}";
RenameIndexOrManyHelp: "rename it to `_index.md`, {first} or {last}" / "请改名为 `_index.md`、{first} 或 {last}";
OrMoveOutHelp: "{help}, or move it out of content/" / "{help}，或把它移出 content/";
WhyMdLowercase: "the name must end in `.md`, in lowercase" / "文件名必须以小写的 `.md` 结尾";
RenameToMdHelp: "rename it to `{stem}.md`" / "请改名为 `{stem}.md`";
WhyOnlyMd: "only files ending in `.md` are read" / "只读取以 `.md` 结尾的文件";
RenameIfReportHelp: "if it is a report or a profile, rename it to `{stem}.md`; otherwise move it out of content/" / "如果它是报告或单位简介，请改名为 `{stem}.md`；否则请把它移出 content/";
WhyOnlyReports: "only reports and profiles written as `.md` files are read" / "只读取写成 `.md` 文件的报告和单位简介";
NoOtherFilesHelp: "move it out of content/: gongkai publishes no other files (a report can name where its original was published with `source:`)" / "请把它移出 content/：gongkai 不发布其他文件（报告可以用 `source:` 注明原文的发布位置）";
WhyNotRegular: "it is not a regular file" / "它不是普通文件";
RemoveFromContentHelp: "remove it from content/" / "请把它从 content/ 中删除";
WhyDirectlyInParks: "files directly in content/parks are not read" / "不读取直接放在 content/parks 下的文件";
PutInUnitFolderHelp: "put each report in its unit's folder: content/parks/<unit-id>/" / "请把每份报告放进所属单位的文件夹：content/parks/<单位标识>/";
WhyNested: "reports must be directly in their unit's folder, not in a folder inside it" / "报告必须直接放在所属单位的文件夹中，不能放在其中的子文件夹里";
MoveUpHelp: "move it up to content/parks/{unit}/{name}" / "请把它上移到 content/parks/{unit}/{name}";
OnlyMdInUnitHelp: "move it out of content/: only `.md` files directly in a unit folder are read" / "请把它移出 content/：只读取直接放在单位文件夹中的 `.md` 文件";
WhyOutsideParks: "only files in content/parks/<unit-id>/ are read" / "只读取 content/parks/<单位标识>/ 中的文件";
MoveIntoParksHelp: "move it into content/parks/<unit-id>/ if it is a report; otherwise move it out of content/" / "如果它是报告，请移到 content/parks/<单位标识>/ 中；否则请把它移出 content/";
ReportWithoutUnit: "this report belongs to unit `{id}`, which has no profile" / "此报告属于单位 `{id}`，但该单位没有简介";
TranslatedProfileWithoutUnit: "this translated profile belongs to unit `{id}`, which has no profile" / "此译文简介属于单位 `{id}`，但该单位没有简介";
CreateProfileHelp: "create {file} with the unit's name, name_en and region (gongkai new unit {id} --name … --name-en … writes it)" / "请创建 {file}，写上单位的 name、name_en 和 region（可用 gongkai new unit {id} --name … --name-en … 生成）";
NoChineseOriginal: "this translation has no Chinese original" / "此译文没有对应的中文原文";
NoChineseOriginalHelp: "the Chinese report must be {base}.md in the same folder; rename one of them so the names match" / "中文报告应为同一文件夹中的 {base}.md；请改其中一个文件的名字，使两者对应";
NotADate: "`{value}` is not a date" / "`{value}` 不是日期";
EstablishedHelp: "write YYYY, YYYY-MM or YYYY-MM-DD in quotes, e.g. established: \"2004-04\"" / "写成带引号的 YYYY、YYYY-MM 或 YYYY-MM-DD，例如 established: \"2004-04\"";
CoversNotUnitId: "`{value}` in covers is not a unit id" / "covers 中的 `{value}` 不是单位标识";
CoversHelp: "list the folder names of the parks the reports cover, e.g. covers: [lengshuitan, daoxian]" / "列出报告涵盖的园区的文件夹名，例如 covers: [lengshuitan, daoxian]";
ProfileTranslationKeysHelp: "a translated profile holds text only: names in English go in _index.md as name_en, region_en …" / "译文简介只含正文：英文名称写在 _index.md 的 name_en、region_en 等键中";
MoreGoalsInTranslation: "the translation lists more goals or indicators than the Chinese report" / "译文列出的目标或指标比中文报告多";
MoreGoalsHelp: "the goals and indicators of a translation are translations of the Chinese ones, in the same order" / "译文的目标和指标是中文目标和指标的翻译，顺序相同";
NoFrontMatter: "the report has no front matter" / "报告没有文件头";
NoFrontMatterHelp: "start the file with a block between two `---` lines holding at least title, year and kind" / "文件开头应是两行 `---` 之间的内容，至少包括 title、year 和 kind";
KeyEmpty: "`{key}` is empty" / "`{key}` 为空";
WriteAsPrintedHelp: "write the report's {key} as printed" / "按报告原文填写 {key}";
ImplausibleYear: "year {year} is not a plausible fiscal year" / "年度 {year} 不是合理的财政年度";
YearHelp: "write the fiscal year the report is about, e.g. year: 2021" / "填写报告所属的财政年度，例如 year: 2021";
NotAPublicationDate: "`{value}` is not a publication date" / "`{value}` 不是发布日期";
PublicationDateHelp: "write \"YYYY-MM-DD HH:MM\" (or \"YYYY-MM-DD\"), e.g. {key}: \"2022-06-30 09:00\"" / "写成 \"YYYY-MM-DD HH:MM\"（或 \"YYYY-MM-DD\"），例如 {key}: \"2022-06-30 09:00\"";
NoPublicationDate: "no publication date: the page carries no PubDate tag" / "没有发布日期：网页不带 PubDate 标签";
NoPublicationDateHelp: "add published: \"YYYY-MM-DD HH:MM\" with the time the report was first published" / "添加 published: \"YYYY-MM-DD HH:MM\"，写报告首次发布的时间";
PublicationWithoutTime: "publication date `{date}` has no time: the page carries no PubDate tag" / "发布日期 `{date}` 没有时间：网页不带 PubDate 标签";
PublicationWithoutTimeHelp: "PubDate needs the time too: published: \"{date} HH:MM\"" / "PubDate 还需要时间：published: \"{date} HH:MM\"";
AsOfHelp: "write \"YYYY-MM-DD\"" / "写成 \"YYYY-MM-DD\"";
ProjectWithoutName: "a project report without project_name" / "项目支出报告没有 project_name";
ProjectNameHelp: "add project_name: the project or special fund evaluated" / "添加 project_name：所评价的项目或专项资金";
CannotBeNegative: "`{path}` cannot be negative ({number})" / "`{path}` 不能为负数（{number}）";
CannotBeNegativeHelp: "write the amount as printed; a decrease against the previous year goes in `change` or `change_pct`" / "按报告原文填写金额；比上年减少的部分写在 `change` 或 `change_pct` 中";
TranslationKeysHelp: "a translation carries translated text only (title, unit_name, project_name, department, implementer, period, summary, translation_note, notes, goals, indicators, remark); figures live once, in the Chinese file" / "译文只含翻译的文字（title、unit_name、project_name、department、implementer、period、summary、translation_note、notes、goals、indicators、remark）；数字只写一次，写在中文文件中";
ItemKeyNotSlug: "item key `{key}` must be lowercase letters, digits and underscores, at most {max} characters" / "条目的键 `{key}` 只能用小写字母、数字和下划线，最多 {max} 个字符";
ItemKeyHelp: "name the figure in lowercase English words joined by `_`, e.g. `tax_revenue`" / "用以 `_` 连接的小写英文单词给数字命名，例如 `tax_revenue`";
ItemUnknownWithoutLabel: "item key `{key}` is not a known figure, and the item has no label" / "条目的键 `{key}` 不是已知的数字，且该条目没有 label";
ItemWithoutKeyOrName: "this item has neither a key nor a name" / "此条目既没有 key 也没有 name";
ItemDidYouMeanHelp: "did you mean `{key}`? Otherwise add `label:` (Chinese) and `label_en:` (English)" / "是不是要写 `{key}`？否则请添加 `label:`（中文）和 `label_en:`（英文）";
ItemAddLabelsHelp: "add `label:` and `label_en:`; known keys here: {keys}" / "请添加 `label:` 和 `label_en:`；这里已知的键：{keys}";
NoKeysUseName: "none (use name/name_en)" / "无（请用 name/name_en）";
SecondReport: "a second {kind} report of unit `{unit}` for {year} (the first is {first})" / "单位 `{unit}` 的第二份 {year} 年度{kind}报告（第一份是 {first}）";
SecondReportHelp: "each unit files one report per year and kind: check the year and kind, or merge the files" / "每个单位每年每类只报一份报告：请检查年度和类型，或合并这两个文件";

// ---- site.toml (config.rs, url.rs) -------------------------------------------------------
CannotReadSiteToml: "cannot read site.toml: {error}" / "无法读取 site.toml：{error}";
CannotReadSiteTomlHelp: "run gongkai in the folder that holds site.toml, or pass --root DIR" / "请在含有 site.toml 的文件夹中运行 gongkai，或用 --root 文件夹 指定";
SiteTomlContains: "site.toml contains {what}" / "site.toml 含有{what}";
DeleteInvisibleShortHelp: "delete it: it is invisible in most editors, so delete the text around line {line}, column {column} and type it again" / "请删除它：多数编辑器里看不见它，请删掉第 {line} 行第 {column} 列附近的文字后重新输入";
BaseUrlNotWebAddress: "base_url `{url}` is not a web address" / "base_url `{url}` 不是网址";
BaseUrlHelp: "write the full address, e.g. base_url = \"https://www.example.gov.cn/xxgk/jxpj/\"" / "请写完整的网址，例如 base_url = \"https://www.example.gov.cn/xxgk/jxpj/\"";
DefaultLanguageUnsupported: "default_language `{code}` is not supported" / "不支持 default_language `{code}`";
DefaultLanguageHelp: "set default_language = \"zh\"; the pages of the other languages in `languages` are built in a folder each, e.g. /en/" / "请设为 default_language = \"zh\"；`languages` 中其他语言的网页各自生成在一个文件夹中，例如 /en/";
LicenceUrlHelp: "write the full address of the licence text, e.g. data_license_url = \"https://creativecommons.org/licenses/by/4.0/\", or remove the line" / "请写许可协议全文的完整网址，例如 data_license_url = \"https://creativecommons.org/licenses/by/4.0/\"，或删去这一行";
NotLinkable: "{key} `{url}` is not a web address: only http:// and https:// addresses, or paths on this site, can be linked" / "{key} `{url}` 不是网址：只能链接 http:// 和 https:// 网址，或本网站内的路径";
ThemeNotFolderName: "theme `{theme}` is not a folder name" / "theme `{theme}` 不是文件夹名";
ThemeNameHelp: "use the name of a folder under themes/, e.g. theme = \"default\"" / "请写 themes/ 下的文件夹名，例如 theme = \"default\"";
PortalTagNotSet: "`{key}` is not set: pages need the {tag} tag that government websites must carry" / "没有设置 `{key}`：网页需要政府网站必须带有的 {tag} 标签";
PortalTagHelp: "the host portal assigns {tag}; ask its administrator and add {key} = \"…\" to site.toml" / "{tag} 由主站分配；请向主站管理员索取，并在 site.toml 中加上 {key} = \"…\"";
NotALanguageTag: "language `{code}` is not a language tag" / "语言 `{code}` 不是语言代码";
LanguageTagHelp: "write language tags such as \"zh\", \"en\" or \"zh-Hant\": two or three letters, then optional parts joined by `-`, e.g. languages = [\"zh\", \"en\"]" / "请写 \"zh\"、\"en\" 或 \"zh-Hant\" 这样的语言代码：两三个字母，后面可以有用 `-` 连接的部分，例如 languages = [\"zh\", \"en\"]";
LanguageTwice: "language `{code}` is listed twice" / "语言 `{code}` 列出了两次";
LanguageTwiceHelp: "list each language once (codes that differ only in capitals are one language)" / "每种语言只列一次（只有大小写不同的代码是同一种语言）";
SettingContains: "`{key}` contains {what}" / "`{key}` 含有{what}";
SettingControlHelp: "delete it: control characters cannot appear on a web page or in a feed (in site.toml they are written as escapes such as `\\u0007` or `\\f`)" / "请删除它：网页和订阅源中不能出现控制字符（在 site.toml 中，它们写作 `\\u0007` 或 `\\f` 这样的转义）";

// ---- The theme (theme.rs) ----------------------------------------------------------------
ThemeNotFound: "theme `{name}` not found" / "找不到主题 `{name}`";
ThemeNotFoundHelp: "set theme = \"default\" in site.toml, or create the folder themes/<name>/" / "请在 site.toml 中设置 theme = \"default\"，或创建文件夹 themes/<主题名>/";
CannotReadStylesheet: "cannot read the stylesheet: {error}" / "无法读取样式表：{error}";
CannotReadScript: "cannot read the script: {error}" / "无法读取脚本：{error}";
OldSearchScript: "this script reads an older search index than this gongkai writes (it lacks the line `{marker}`): the site's search would find nothing" / "此脚本读取的搜索索引格式比本版 gongkai 生成的旧（缺少 `{marker}` 这一行）：网站搜索将什么也找不到";
OldSearchScriptHelp: "replace it with static/search.js of the default theme that comes with this gongkai (themes/default/static/search.js), then make your changes to it again" / "请用本版 gongkai 自带默认主题的 static/search.js（themes/default/static/search.js）替换它，再把您的修改重新加上";
CannotReadTemplates: "cannot read templates: {error}" / "无法读取模板：{error}";
CannotReadTemplate: "cannot read template: {error}" / "无法读取模板：{error}";
TemplateError: "template error: {message}" / "模板错误：{message}";
TemplateErrorHelp: "fix the template at the position shown; the full message follows\n{text}" / "请修改模板中所示位置；完整信息如下\n{text}";
NoUiStrings: "the theme has no UI strings for language `{code}`" / "主题没有语言 `{code}` 的界面文字";
NoUiStringsHelp: "site.toml lists `{code}` in languages: copy {file} to {code}.toml and translate its strings, or remove `{code}` from languages" / "site.toml 的 languages 中列有 `{code}`：请把 {file} 复制为 {code}.toml 并翻译其中的文字，或从 languages 中删去 `{code}`";
CannotReadUiStrings: "cannot read UI strings: {error}" / "无法读取界面文字：{error}";
UiStringsInvalid: "UI strings are not valid: {detail}" / "界面文字文件无效：{detail}";
UiStringMissing: "UI string `{key}` is missing" / "缺少界面文字 `{key}`";
UiUnitMissing: "UI string \"{unit}\" under [units] is missing" / "[units] 下缺少界面文字 \"{unit}\"";
UiStringMissingHelp: "every key must be translated in each of {files}" / "每个键都必须在 {files} 中分别翻译";
UnitUnnamed: "the unit `{unit}` has no name in {file}: its pages show it as written" / "计量单位 `{unit}` 在 {file} 中没有译名：该语言的网页按原样显示它";
UnitUnnamedHelp: "add `\"{unit}\" = \"…\"` under [units] in that file" / "在该文件的 [units] 下添加 `\"{unit}\" = \"…\"`";

// ---- Writing the output folder (output/) -------------------------------------------------
IoProblem: "{what}: {error}" / "{what}：{error}";
IoHelp: "check that the folder exists, is writable and is not open in another program" / "检查文件夹是否存在、是否可写，以及是否被其他程序占用";
IoResolveOutput: "cannot resolve the output folder" / "无法确定输出文件夹的位置";
IoReadOutput: "cannot read the output folder" / "无法读取输出文件夹";
IoCreateFolder: "cannot create the folder" / "无法创建文件夹";
IoWriteFile: "cannot write the file" / "无法写入文件";
IoPrepareStaging: "cannot prepare the staging folder" / "无法准备暂存文件夹";
IoRemoveOldSite: "cannot remove the previous site of an earlier build" / "无法删除上一次生成留下的旧网站";
IoRemoveOldStaging: "cannot remove the staging folder of an earlier build" / "无法删除上一次生成留下的暂存文件夹";
IoCreateStaging: "cannot create the staging folder" / "无法创建暂存文件夹";
IoCreateOutput: "cannot create the output folder" / "无法创建输出文件夹";
IoMoveFile: "cannot move the new file in place" / "无法把新文件移到位";
IoRemoveGoneFile: "cannot remove a file of a removed report" / "无法删除已删除报告的文件";
IoRemoveForced: "cannot remove an entry replaced with --force" / "无法删除 --force 要替换的项目";
IoMoveSite: "cannot move the new site in place" / "无法把新网站移到位";
IoOldSiteStays: "the new site is in place, but the previous one could not be removed" / "新网站已就位，但无法删除旧网站";
IoMoveOldAside: "cannot move the previous site aside" / "无法把旧网站移开";
OutputPathHelp: "give the output folder as a path such as public or /var/www/jxpj" / "请把输出文件夹写成 public 或 /var/www/jxpj 这样的路径";
OutputLinkUnreachable: "the output folder is a link to a folder that cannot be reached: {error}" / "输出文件夹是一个链接，指向无法访问的文件夹：{error}";
OutputLinkUnreachableHelp: "create the folder the link points to, or give --output a real folder" / "请创建链接指向的文件夹，或给 --output 一个真实的文件夹";
OutputIsFile: "the output folder is a file, not a folder: gongkai will not replace it" / "输出文件夹是一个文件而不是文件夹：gongkai 不会替换它";
OutputIsFileHelp: "give --output (or output_dir in site.toml) the name of a folder, e.g. public" / "请给 --output（或 site.toml 中的 output_dir）一个文件夹名，例如 public";
OutputIsSiteFolder: "the output folder is the site folder itself ({root}): building there would replace your reports and settings" / "输出文件夹就是网站文件夹本身（{root}）：在那里生成会替换你的报告和设置";
OutputContainsSiteFolder: "the output folder contains the site folder ({root}): building there would replace your reports and settings" / "输出文件夹包含网站文件夹（{root}）：在那里生成会替换你的报告和设置";
OutputInsideSources: "the output folder is inside the site's `{source}/` folder: building there would replace your source files" / "输出文件夹位于网站的 `{source}/` 文件夹内：在那里生成会替换你的源文件";
OwnFolderHelp: "write the site to a folder of its own, e.g. --output public (the default)" / "请把网站生成到单独的文件夹，例如 --output public（默认）";
RecordDamaged: " (its record {record} is damaged)" / "（它的记录 {record} 已损坏）";
OutputHoldsForeign: "the output folder already holds {entries} that gongkai did not write{damaged}: {list}" / "输出文件夹中已有 {entries}不是 gongkai 写入的内容{damaged}：{list}";
OutputHoldsForeignHelp: "give --output an empty or new folder; or, if everything in it may be replaced by the site, run again with --force (the entries listed will be removed)" / "请给 --output 一个空的或新的文件夹；如果其中的一切都可以被网站替换，请加上 --force 再运行（列出的项目将被删除）";
OneEntry: "1 entry" / "1 项";
Entries: "{n} entries" / "{n} 项";
ListAndMore: "{list} and {n} more" / "{list} 等，另有 {n} 项";
CannotLockOutput: "cannot lock the output folder: {error}" / "无法锁定输出文件夹：{error}";
CannotLockOutputHelp: "check that the folder holding the output folder exists and is writable" / "检查输出文件夹所在的文件夹是否存在、是否可写";
CannotWriteManifest: "cannot write the build manifest: {error}" / "无法写入生成记录：{error}";
CannotWriteManifestHelp: "check that the folder holding the output folder is writable and the disk is not full" / "检查输出文件夹所在的文件夹是否可写，以及磁盘是否已满";
RefuseOutside: "refusing to write outside the output folder" / "拒绝写到输出文件夹之外";
RefuseOutsideHelp: "a template or the site produced this path; nothing was written: please report it with the path" / "这个路径由模板或网站生成；没有写入任何内容：请连同路径一起报告此问题";
ManifestLineIgnored: "ignored a line naming `{path}`, which is not a plain path inside the output folder" / "已忽略记有 `{path}` 的一行：它不是输出文件夹内的普通路径";
ManifestLineIgnoredHelp: "gongkai only ever removes files inside the output folder; the line is dropped from the record" / "gongkai 只删除输出文件夹内的文件；这一行已从记录中去掉";
ForeignStaging: "a folder with the name gongkai uses for staging exists, and gongkai did not make it" / "已有一个与 gongkai 暂存文件夹同名的文件夹，而它不是 gongkai 创建的";
ForeignStagingHelp: "move it away or rename it, then build again" / "请把它移走或改名，然后重新生成";
NotAFolder: "is a file or a link where the site needs a folder; gongkai does not write through links" / "这里是文件或链接，而网站需要一个文件夹；gongkai 不会通过链接写入";
NotAFolderHelp: "remove it from the output folder (gongkai did not create it), then build again" / "请把它从输出文件夹中删除（它不是 gongkai 创建的），然后重新生成";
WaitingForLock: "waiting: another gongkai build is writing {output}; this one continues when it ends" / "等待中：另一个 gongkai 正在写入 {output}；它结束后本次生成继续";
ForceWillRemove: "--force: {output} holds {n} entries gongkai did not write; they will be removed when the build succeeds: {list}" / "--force：{output} 中有 {n} 项不是 gongkai 写入的；生成成功后将删除它们：{list}";

// ---- Narrative and data (markdown.rs, lib.rs) --------------------------------------------
NarrativeTooDeep: "the narrative is nested more than {max} levels deep here (quotes, lists or HTML elements inside each other)" / "正文在这里嵌套超过 {max} 层（引用、列表或 HTML 元素层层套叠）";
NarrativeTooDeepHelp: "a report needs a few levels at most: remove the extra `>`, list markers, `*` or HTML tags on this line" / "报告最多只需要几层：请删去这一行多余的 `>`、列表标记、`*` 或 HTML 标签";
CannotWriteJson: "cannot write JSON: {error}" / "无法写出 JSON：{error}";

// ---- Cross-checks of the figures (lib.rs) ------------------------------------------------
GradeMismatch: "grade {stated} does not match score {score} ({range} is {earned})" / "等级“{stated}”与得分 {score} 不符（{range}应为“{earned}”）";
GradeMismatchHelp: "copy `evaluation.score` and `evaluation.grade` from the report again (优 90 or more, 良 80 to under 90, 中 60 to under 80, 差 under 60); if the report itself prints them so, keep them as printed (the page shows a notice)" / "请从报告中重新抄录 `evaluation.score` 和 `evaluation.grade`（优：90 分及以上；良：80 分至不足 90 分；中：60 分至不足 80 分；差：不足 60 分）；如果报告原文就是这样印的，照原文保留（网页会显示说明）";
StatedTwice: "{rule}: stated {first} in one place, {second} in another" / "{rule}：一处写作 {first}，另一处写作 {second}";
StatedComputed: "{rule}: stated {stated}, computed {computed} (difference {difference})" / "{rule}：报告为 {stated}，计算得 {computed}（相差 {difference}）";
WithinRounding: "within rounding: {text}" / "在舍入误差之内：{text}";
FiguresDoNotAddUp: "the figures do not add up: {text}" / "数字对不上：{text}";
FiguresDoNotAddUpHelp: "if the report prints these figures, keep them as printed (the page shows a notice); otherwise correct the typing" / "如果报告原文就是这些数字，照原文保留（网页会显示说明）；否则请改正录入错误";

// ---- gongkai new (scaffold.rs) -----------------------------------------------------------
NotAUnitId: "`{id}` is not a unit id" / "`{id}` 不是单位标识";
UnitIdHelp: "unit ids are lowercase letters, digits and hyphens, e.g. lengshuitan" / "单位标识只能用小写字母、数字和连字符，例如 lengshuitan";
NotAFiscalYear: "{year} is not a plausible fiscal year" / "{year} 不是合理的财政年度";
FiscalYearHelp: "a fiscal year is the four digits of a calendar year, e.g. --year 2022 for 2022年度" / "财政年度是四位数的公历年份，例如 2022年度 写作 --year 2022";
UnitHasNoProfile: "unit `{id}` has no profile yet" / "单位 `{id}` 还没有简介";
UnitHasNoProfileHelp: "create it first with gongkai new unit {id} --name … --name-en …, or check the id" / "请先用 gongkai new unit {id} --name … --name-en … 创建单位简介，或检查单位标识";
ReportExists: "this report file already exists; nothing was written" / "此报告文件已存在；没有写入任何内容";
ReportExistsHelp: "edit it, or remove it first if you mean to start again" / "请直接编辑它；如要重新开始，请先删除它";
ProfileExists: "this unit already has a profile; nothing was written" / "此单位已有简介；没有写入任何内容";
ProfileExistsHelp: "edit it to change the unit's names or profile" / "如要修改单位名称或简介，请直接编辑它";
NameArgEmpty: "--{flag} is empty" / "--{flag} 为空";
NameArgControl: "--{flag} contains a line break or a control character" / "--{flag} 含有换行符或控制字符";
NameArgHelp: "give the unit's names as its reports print them, e.g. --name 冷水滩高科技工业园 --name-en \"Lengshuitan High-tech Industrial Park\"" / "请按报告上印的写单位名称，例如 --name 冷水滩高科技工业园 --name-en \"Lengshuitan High-tech Industrial Park\"";
CannotCreateFolder: "cannot create the folder: {error}" / "无法创建文件夹：{error}";
CannotWriteFile: "cannot write the file: {error}" / "无法写入文件：{error}";
CreatedReport: "created {file}: fill in the figures, then run gongkai check" / "已创建 {file}：请填写数字，然后运行 gongkai check";
CreatedUnit: "created {file}: fill in the profile, then add a report with gongkai new report --park {id} --year YYYY" / "已创建 {file}：请填写单位简介，然后用 gongkai new report --park {id} --year 年度 添加报告";
BadKindArg: "--kind {kind}: use department or project" / "--kind {kind}：请用 department 或 project";

// ---- Counts and summaries (diagnostics.rs, main.rs) --------------------------------------
OneNoteHidden: "1 note (--verbose to list it)" / "另有 1 条提示（加 --verbose 可列出）";
NotesHidden: "{n} notes (--verbose to list them)" / "另有 {n} 条提示（加 --verbose 可列出）";
OneWarning: "1 warning" / "1 个警告";
Warnings: "{n} warnings" / "{n} 个警告";
OneNote: "1 note" / "1 条提示";
Notes: "{n} notes" / "{n} 条提示";
WarningsAndNotes: "{warnings}, {notes}" / "{warnings}，{notes}";
OneError: "1 error" / "1 个错误";
Errors: "{n} errors" / "{n} 个错误";
OneWarningStrict: "1 warning treated as an error (--strict)" / "1 个警告按错误处理（--strict）";
WarningsStrict: "{n} warnings treated as errors (--strict)" / "{n} 个警告按错误处理（--strict）";
Built: "built {reports} reports of {units} units: {pages} pages, {files} files in {output} ({counts}, {ms} ms; {written} written, {unchanged} unchanged, {removed} removed)" / "已生成 {units} 个单位的 {reports} 份报告：{pages} 个网页，共 {files} 个文件，位于 {output}（{counts}，用时 {ms} 毫秒；写入 {written} 个，未变 {unchanged} 个，删除 {removed} 个）";
CheckPassed: "check passed: no errors, {counts}" / "检查通过：没有错误，{counts}";
CheckFailed: "check failed: {errors}" / "检查未通过：{errors}";
Failed: "failed: {errors}" / "失败：{errors}";
FailedNothingWritten: "failed: {errors}; nothing was written, the previous output is unchanged" / "失败：{errors}；没有写入任何内容，原有输出未变";
FailedPartlyWritten: "failed: {errors}; the output folder was partly updated: build again to finish it (the record beside it lists every file gongkai wrote, nothing outside the folder was touched)" / "失败：{errors}；输出文件夹已部分更新：请再生成一次来完成（旁边的记录列出了 gongkai 写入的每个文件，文件夹之外没有任何改动）";
ProgressReportPages: "{done}/{total} report pages" / "报告网页 {done}/{total}";

// ---- gongkai serve (serve.rs) ------------------------------------------------------------
ServeBuilt: "built {n} files in {ms} ms" / "已生成 {n} 个文件，用时 {ms} 毫秒";
Serving: "serving {address} (Ctrl+C to stop)" / "网站地址 {address}（按 Ctrl+C 停止）";
UpdatedTheRest: "updated the listings, downloads and search index in {ms} ms" / "已更新列表页、下载文件和搜索索引，用时 {ms} 毫秒";
RebuiltUnits: "rebuilt {n} files of {units} in {ms} ms" / "已重新生成 {units} 的 {n} 个文件，用时 {ms} 毫秒";
Rebuilt: "rebuilt {n} files in {ms} ms" / "已重新生成 {n} 个文件，用时 {ms} 毫秒";
RebuildFailed: "rebuild failed: still serving the last good site" / "重新生成失败：仍在提供上一个正确的版本";
NoFileEvents: "file events are not available ({error}); checking for changes every 200 ms" / "无法获得文件变动通知（{error}）；改为每 200 毫秒检查一次";
OverlayHeading: "gongkai: the last change has problems; showing the last good version." / "gongkai：最近的修改有问题；显示的是上一个正确的版本。";
PortInUse: "cannot listen here: another program is already using this port" / "无法在这里监听：另一个程序正在使用这个端口";
PortInUseHelp: "stop the other program (perhaps another gongkai serve), or choose another port with --port N (--port 0 picks a free one)" / "请停止那个程序（可能是另一个 gongkai serve），或用 --port N 换一个端口（--port 0 自动选一个空闲端口）";
CannotServe: "cannot serve here: {error} (site folder {root})" / "无法在这里提供服务：{error}（网站文件夹 {root}）";
CannotServeHelp: "choose another port with --port N (--port 0 picks a free one), or check that this computer allows programs to listen on 127.0.0.1" / "请用 --port N 换一个端口（--port 0 自动选一个空闲端口），或检查本机是否允许程序在 127.0.0.1 上监听";
// ---- What each page language needs to name the figures (figures/words.rs) ----------------
AmountUnitEmpty: "`amount_unit` is empty" / "`amount_unit` 为空";
AmountUnitEmptyHelp: "write the unit the report's amounts are in (万元, 元 or 亿元), or leave the key out for 万元" / "请写报告金额所用的单位（万元、元或亿元）；不写这个键则按万元";
AmountUnitUnconvertible: "`amount_unit: {unit}` is not 元, 万元 or 亿元: figures in other units cannot be converted, so their checks and charts are left out" / "`amount_unit: {unit}` 不是元、万元或亿元：其他单位的数字无法换算，相关核对和图表将略去";
AmountUnitUnconvertibleHelp: "use the unit the report prints if it is one of these; otherwise the figures are published as stated" / "如果报告所用单位是其中之一，请照写；否则数字按原文发布";
NoEnglishName: "`{shown}` has no `{key}`: English pages show its Chinese name" / "`{shown}` 没有 `{key}`：英文网页将显示它的中文名称";
NoEnglishNameHelp: "add `{key}:` with the English name beside it" / "请在旁边加上 `{key}:`，写上英文名称";
UiStringEmpty: "UI string {key} is empty" / "界面文字 {key} 为空";
UiStringEmptyHelp: "write the word a page shows there; an empty one leaves a blank on every page" / "请写上网页在这里显示的文字；留空会使每个网页在这里空白";
// ---- Portal settings (config.rs) ---------------------------------------------------------
PoliceRecordNoNumber: "police_record `{record}` does not hold one record number" / "police_record `{record}` 中没有唯一的备案编号";
PoliceRecordHelp: "copy it as the record shows it, e.g. police_record = \"湘公网安备 43010202000123号\": its digits are the number the footer links to" / "请照备案信息原样填写，例如 police_record = \"湘公网安备 43010202000123号\"：其中的数字就是页脚链接所用的编号";
BadgeExampleHelp: "write the address of the image, e.g. conac_badge = \"https://dcs.conac.cn/image/red.png\", or copy the image into static/ and write its name, e.g. conac_badge = \"conac.png\"" / "请写图片的网址，例如 conac_badge = \"https://dcs.conac.cn/image/red.png\"；或把图片复制到 static/ 中并写它的文件名，例如 conac_badge = \"conac.png\"";
BadgeNotFileName: "conac_badge `{badge}` is not a file name in static/: write it relative to static/, without `..`" / "conac_badge `{badge}` 不是 static/ 中的文件名：请写相对于 static/ 的路径，不要含 `..`";
BadgeNotImage: "conac_badge `{badge}` is not an image: the badge is a .png, .jpg, .jpeg, .gif, .svg or .webp file" / "conac_badge `{badge}` 不是图片：标识应是 .png、.jpg、.jpeg、.gif、.svg 或 .webp 文件";
BadgeUrlExampleHelp: "write the address the portal gives for the badge's link, e.g. conac_badge_url = \"https://bszs.conac.cn/sitename?method=show&id=…\", or remove the line" / "请写主站给出的标识链接地址，例如 conac_badge_url = \"https://bszs.conac.cn/sitename?method=show&id=…\"，或删去这一行";
BadgeUrlWithoutBadge: "conac_badge_url is set but conac_badge is not: the link needs the badge image" / "设置了 conac_badge_url 但没有设置 conac_badge：链接需要标识图片";
BadgeUrlWithoutBadgeHelp: "add conac_badge = \"…\" (the image's address, or its file name in static/), or remove conac_badge_url" / "请加上 conac_badge = \"…\"（图片网址，或它在 static/ 中的文件名），或删去 conac_badge_url";
ErrorReportExampleHelp: "write the address with {{site_id_code}} and {{url}} where the site's code and the page's address go, e.g. error_report_url = \"https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code={{site_id_code}}&url={{url}}\"" / "请在网址中网站标识码和网页地址的位置写 {{site_id_code}} 和 {{url}}，例如 error_report_url = \"https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code={{site_id_code}}&url={{url}}\"";
ErrorReportUnknownField: "error_report_url has an unknown field `{field}`" / "error_report_url 中有未知的字段 `{field}`";
BadgeCannotRead: "conac_badge `{path}`: cannot read {file}: {error}" / "conac_badge `{path}`：无法读取 {file}：{error}";
BadgeCannotReadHelp: "copy the image the portal supplies into the static/ folder beside site.toml, or write its address" / "请把主站提供的图片复制到 site.toml 旁边的 static/ 文件夹中，或写它的网址";
RobotsNotAtRoot: "crawlers read robots.txt only at the host's root ({host}/robots.txt); the site is at {path}, where its own robots.txt is never read" / "搜索引擎只读取网站根目录的 robots.txt（{host}/robots.txt）；本站位于 {path}，这里的 robots.txt 不会被读取";
// ---- Original files (content/mod.rs) ------------------------------------------------------
SourceFileMissing: "`source_file: {name}` is not a file beside the report" / "`source_file: {name}` 不是与报告放在同一文件夹中的文件";
SourceFileHelp: "save the original ({exts}) in the same folder as the report and write its file name alone, e.g. source_file: 2021.pdf" / "请把报告原文（{exts}）保存在报告所在的文件夹中，只写文件名，例如 source_file: 2021.pdf";
WhyOriginalNotNamed: "no report names it as its `source_file`" / "没有报告把它写作 `source_file`";
OriginalNotNamedHelp: "add `source_file: {name}` to the report it is the original of, or move it out of content/" / "请在它所属的报告中加上 `source_file: {name}`，或把它移出 content/";
SourceUrlNotWeb: "`source_url: {url}` is not a web address" / "`source_url: {url}` 不是网址";
SourceUrlHelp: "write the address where the original is published, starting with https:// or http://" / "请写原文发布的网址，以 https:// 或 http:// 开头";
CorrectionNotAField: "`corrections` names `{path}`, which is not a figure of the form" / "`corrections` 中的 `{path}` 不是表中的数字";
CorrectionHelp: "write the corrected figure's path as docs/content-format.md lists it, e.g. `expenditure.total`{hint}" / "请按 docs/content-format.md 所列写被更正数字的路径，例如 `expenditure.total`{hint}";
// ---- A figure stated twice (content/mod.rs) ---------------------------------------------
AlsoStatedNotAField: "`also_stated` names `{path}`, which is not a figure of the form" / "`also_stated` 中的 `{path}` 不是表中的数字";
AlsoStatedNotAFieldHelp: "write the path of a figure as docs/content-format.md lists it, e.g. `expenditure.total` or `project.actual`; an item of a list (economy, project_items) takes its own `also_stated:`{hint}" / "请按 docs/content-format.md 所列写数字的路径，例如 `expenditure.total` 或 `project.actual`；列表中的条目（economy、project_items）在条目内写 `also_stated:`{hint}";
AlsoStatedWithoutFigure: "`also_stated` restates `{path}`, but the report gives no `{path}` to compare it with" / "`also_stated` 另列了 `{path}`，但报告没有填写 `{path}`，无从比较";
AlsoStatedWithoutFigureHelp: "write the figure at its own key (the value the form or table states), and keep the other statement under `also_stated`" / "请在该数字自己的键下填写（表中所列的数值），另一处的数值留在 `also_stated` 下";
RobotsNotAtRootHelp: "ask the portal's administrator to add this line to the host's robots.txt: Sitemap: {url}/sitemap.xml" / "请主站管理员在根目录的 robots.txt 中加上这一行：Sitemap: {url}/sitemap.xml";
// ---- gongkai import (import/) --------------------------------------------------------------
ImportOldWord: "this is an old binary Word file (.doc), which gongkai cannot read" / "这是旧版 Word 文件（.doc），gongkai 无法读取";
ImportOldWordHelp: "open it in Word or WPS and save it as .docx (文件 → 另存为 → Word 文档), then import the .docx" / "请用 Word 或 WPS 打开，另存为 .docx（文件 → 另存为 → Word 文档），再导入 .docx";
ImportOldExcel: "this is an old binary Excel file (.xls), which gongkai cannot read" / "这是旧版 Excel 文件（.xls），gongkai 无法读取";
ImportOldExcelHelp: "open it in Excel or WPS and save it as .xlsx, then import the .xlsx" / "请用 Excel 或 WPS 打开，另存为 .xlsx，再导入 .xlsx";
ImportEncrypted: "this file is protected by a password" / "此文件设有密码保护";
ImportEncryptedHelp: "open it with its password, remove the protection (文件 → 信息 → 保护文档), save it, then import it again" / "请用密码打开，取消保护（文件 → 信息 → 保护文档）后保存，再重新导入";
ImportScanned: "this document holds images but no text: it looks like a scan" / "此文件只有图片没有文字，像是扫描件";
ImportScannedHelp: "copy the text from the original PDF into a .txt file (or run OCR on the scan), then import the .txt" / "请从原始 PDF 中复制文字保存为 .txt（或先对扫描件做文字识别），再导入 .txt";
ImportCorrupt: "this file cannot be read: {detail}" / "无法读取此文件：{detail}";
ImportCorruptHelp: "open it in Word, Excel or WPS and save it again as .docx or .xlsx, or copy its text into a UTF-8 .txt file" / "请用 Word、Excel 或 WPS 打开后重新另存为 .docx 或 .xlsx，或把文字复制到 UTF-8 编码的 .txt 文件";
ImportUnsupported: "gongkai cannot import `{ext}` files" / "gongkai 无法导入 `{ext}` 文件";
ImportUnsupportedHelp: "save the report as .docx or .xlsx, or copy its text (from a PDF or web page) into a .txt file, then import that" / "请把报告另存为 .docx 或 .xlsx，或把文字（从 PDF 或网页）复制到 .txt 文件，再导入";
ImportCannotRead: "cannot read the file: {error}" / "无法读取文件：{error}";
ImportCannotReadHelp: "check the path, and that the file is not open in another program" / "请检查路径，并确认文件没有被其他程序占用";
ImportEmptyFile: "the file is empty: it holds no text to import" / "文件是空的，没有可导入的文字";
ImportEmptyFileHelp: "paste the report's text into it (copied from the PDF, Word file or web page) and save it, then import it again" / "请把报告的文字（从 PDF、Word 文件或网页复制）粘贴进去并保存，再重新导入";
ImportTooLarge: "the file is {size} MB; a report file over 2 MB is not accepted, so nothing was imported" / "文件大小为 {size} MB；报告文件不能超过 2 MB，未导入任何内容";
ImportTooLargeHelp: "check that it holds one report's text only (not several reports, tables of data or repeated copies); shorten it, then import it again" / "请确认文件中只有一份报告的文字（不是多份报告、数据表或重复粘贴的内容）；删减后再重新导入";
ImportNotUtf8: "this text file is not saved as UTF-8: it looks like {encoding} (the usual encoding of Chinese Windows)" / "此文本文件不是 UTF-8 编码，看起来是 {encoding} 编码（中文 Windows 的常用编码）";
ImportNotUtf8Help: "save it as UTF-8 and import it again: in Notepad (记事本) 文件 → 另存为, 编码 UTF-8; in WPS 另存为 → 纯文本, encoding UTF-8" / "请另存为 UTF-8 编码后重新导入：记事本：文件 → 另存为 → 编码选 UTF-8；WPS：另存为 → 纯文本，编码选 UTF-8";
ImportWroteReport: "wrote the draft {file}" / "已写入草稿 {file}";
ImportWroteProfile: "wrote the unit profile draft {file} (unit name from the report: {name}); add its English name" / "已写入单位简介草稿 {file}（单位名称取自报告：{name}）；请填写英文名称";
ImportFilledCount: "figures filled: {n}, each with a comment saying where the report states it:" / "已填写 {n} 个数字，每个数字的注释写明其在原文中的位置：";
ImportFilledLine: "  {path} = {value}  ({at})" / "  {path} = {value}（{at}）";
ImportConflictCount: "left empty because the report states them differently (candidates in the draft's comments): {n}" / "有 {n} 个数字因原文前后表述不一致而留空（候选值见草稿中的注释）：";
ImportConflictLine: "  {path}: {values}" / "  {path}：{values}";
ImportSkippedCount: "not entered, being approximations or bounds (约, 余, 以上 …), figures of another year or another body, changes, plans, or in another currency: {n}" / "有 {n} 个数字未填写：原文为约数或范围（约、余、以上等），或属于其他年度、其他主体，或为增减额、计划数、其他币种：";
ImportSkippedLine: "  {value} ({at})" / "  {value}（{at}）";
ImportUnstated: "every other key of the form is left out: the report does not state it in a phrase or table gongkai recognises (docs/importing.md lists them)" / "其余各项均未填写：原文没有以 gongkai 能识别的表述或表格列出（见 docs/importing.md）";
ImportChecking: "checking the site with the draft (as gongkai check does):" / "按 gongkai check 检查加入草稿后的网站：";
ImportYearMismatch: "the report's title says {stated}, but --year is {given}: the draft is filed under {given} with no figures (they are {stated}'s); if the report is of {stated}, delete the draft and import again with --year {stated}" / "报告标题写的是 {stated} 年度，但 --year 为 {given}：草稿按 {given} 年度存放，未填入任何数字（它们属于 {stated} 年度）；如报告属于 {stated} 年度，请删除草稿后用 --year {stated} 重新导入";
ImportSkippedSheet: "sheet {name} skipped: it is an example or instructions sheet (填表说明, 示例), not part of the report" / "已跳过工作表 {name}：它是填表说明或示例，不属于报告";
ImportUnitFromForm: "the report text does not name its unit; the name is taken from the form's 实施单位" / "报告正文没有写明单位名称，单位名称取自自评表的“实施单位”";
ImportNoUnitName: "the report does not name its unit" / "报告中没有找到单位名称";
ImportNoUnitNameHelp: "create the profile first with gongkai new unit {id} --name … --name-en …, then import again" / "请先用 gongkai new unit {id} --name … --name-en … 创建单位简介，再重新导入";
}
