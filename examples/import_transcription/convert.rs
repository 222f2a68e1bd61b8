//! Conversion of a `peer-fa-v1` transcription (see `shared/fixtures/SCHEMA.md`) into the
//! crate's [`Disclosure`].
//!
//! Tables become [`Table`]s by kind, narrative figures [`Statement`]s, relations and the
//! figures' `equals` references [`Claim`]s, and the rest (headings, `names` relations, table
//! notes, transcriber notes) readable lines of [`Disclosure::notes`]. Whatever cannot be placed
//! is returned as an [`Unplaced`] item with the reason: nothing is dropped silently.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use fiscal_cn::{
    Decimal,
    money::{Percent, Unit, parse_amount},
    performance::{FundLine, FundsBlock, Indicator, ProjectSelfEvaluation},
    report::{
        Claim, Column, Concept, Direction, Disclosure, DisclosureKind, Entity, FigureRef, Location,
        Row, RowKey, StatedValue, Statement, Table, TableKind,
    },
    vocabulary::{
        CountNaming, CountSetting, FundsColumn, FundsRow, TableSide, ThreePublicHeader,
        ThreePublicHeaders, column_of_header, concept_named, concept_of_cell, count_named,
        direction_in, funds_column_of_header, funds_row_of_label, indicator_of_row, names_a_budget,
        row_key_of_code, row_key_of_label, sole_direction_in, table_kind_of_title,
    },
};
use serde_json::{Map, Value};

/// The schema name this converter reads.
pub const SCHEMA: &str = "peer-fa-v1";

/// Why a file is not converted at all ([`convert`]'s error); `Display` says it in Chinese.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The text is not JSON: serde_json's message (its error is kept as text: it is neither
    /// `Clone` nor comparable).
    #[error("不是有效的 JSON：{0}")]
    NotJson(String),
    /// The JSON is not an object.
    #[error("顶层不是 JSON 对象")]
    NotAnObject,
    /// Another schema.
    #[error("schema 为“{0}”，不是 {SCHEMA}")]
    OtherSchema(String),
    /// No schema at all.
    #[error("缺少 schema 字段，不是 {SCHEMA} 文件")]
    NoSchema,
    /// No `report` object.
    #[error("缺少 report 对象")]
    NoReport,
    /// No department named.
    #[error("report.department 缺失或为空")]
    NoDepartment,
    /// No year, or none from 1949 on.
    #[error("report.year 缺失或不是有效年份")]
    NoYear,
    /// A currency unit that is no unit.
    #[error("report.currency_unit：{0}")]
    Currency(#[source] fiscal_cn::Error),
    /// A top-level field that should be an array.
    #[error("{0} 应为数组")]
    NotAnArray(&'static str),
}

/// Something in the transcription that has no place in the model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unplaced {
    /// What it is: a figure id, a table cell, a relation.
    pub what: String,
    /// Why it could not be placed.
    pub reason: Reason,
}

/// Why something has no place in the model ([`Unplaced::reason`]), with the names and figures
/// involved; `Display` says it in Chinese.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Reason {
    /// A figure or cell the crate's parsers refuse (an amount, a percentage, a row's code or
    /// label, an indicator row): the crate's error.
    #[error(transparent)]
    Model(#[from] fiscal_cn::Error),
    /// An entry that should be a JSON object.
    #[error("不是对象")]
    NotAnObject,
    /// A transcriber's note that is no string.
    #[error("条目不是字符串")]
    NoteNotText,
    /// An `amount_decimals` out of range.
    #[error("不是 0–10 之间的整数")]
    BadDecimals,
    /// A table whose id and title name no table kind.
    #[error("无法确定表格种类（编号与标题都不对应模型中的表种）")]
    UnknownTable,
    /// A table unit that is no currency unit.
    #[error("不是元、万元或亿元；按报告的货币单位记录")]
    UnknownTableUnit,
    /// A column header the model has no column for.
    #[error("模型没有对应的列")]
    NoSuchColumn,
    /// A cell of such a column.
    #[error("所在列在模型中没有对应的列")]
    CellOfNoColumn,
    /// A second cell of a row for the same model column.
    #[error("同一行有两个列映射到同一模型列，后者覆盖了前者")]
    ColumnTwice,
    /// A row label's side that is none of 收入, 支出, 年初.
    #[error("未知的栏别“{0}”（应为收入、支出或年初）")]
    UnknownSide(String),
    /// A column of a 三公 table that names no category or item.
    #[error("不是“三公”经费的类别或明细")]
    NotThreePublic,
    /// A cell whose column is not in the table's header.
    #[error("列名不在表头 columns 中")]
    ColumnNotInHeader,
    /// A column of a form's funds block that is none of the known ones.
    #[error("不是自评表资金栏的已知列")]
    NotAFundsColumn,
    /// A funds block without the weight of its execution rate.
    #[error("未印预算执行率的分值；FundsBlock.weight 记为 0")]
    NoFundsWeight,
    /// A form's 合计 row without a score that reads.
    #[error("合计行没有可读的得分")]
    TotalWithoutScore,
    /// A figure id given twice.
    #[error("编号重复，后者覆盖前者")]
    DuplicateId,
    /// A figure that is no object with an id.
    #[error("不是带 id 的对象")]
    FigureWithoutId,
    /// A figure id no figure has.
    #[error("找不到该数字")]
    NoSuchFigure,
    /// A year that is no integer.
    #[error("年份“{0}”不是整数")]
    BadYear(String),
    /// A count that is no non-negative integer.
    #[error("计数“{0}”不是非负整数（模型的计数是整数）")]
    BadCount(String),
    /// A change whose direction is said nowhere.
    #[error("变动数额找不到方向词（增加/减少/持平）")]
    ChangeWithoutDirection,
    /// A growth rate whose direction is said nowhere.
    #[error("增长率找不到方向词（增长/下降/持平）")]
    GrowthWithoutDirection,
    /// A figure of a unit the model has no value for.
    #[error("单位“{unit}”既不是货币单位、百分号、分，也不是整数计数（值“{value}”）")]
    UnknownUnit {
        /// The unit given.
        unit: String,
        /// The value given.
        value: String,
    },
    /// A percentage in no relation, without words saying what it is.
    #[error("百分比不在任何关系中，无法判断是占比、完成率还是增长率")]
    UnrelatedPercent,
    /// A reference to a figure that did not become a statement.
    #[error("数字 {0} 未能成为陈述")]
    NotAStatement(String),
    /// A reference to an implied quantity.
    #[error("引用推定量 {0}；模型没有推定量（implied）的引用")]
    ImpliedReference(String),
    /// A cell reference to no converted cell.
    #[error("单元格引用“{0}”对应不到已转换的表格单元格")]
    NoSuchCell(String),
    /// A reference that is neither a figure, a cell nor an implied quantity.
    #[error("未知的引用“{0}”")]
    UnknownReference(String),
    /// A heading's year that is no integer, or whose id is a figure's.
    #[error("不是整数年份，或编号与数字编号冲突")]
    BadHeadingYear,
    /// A relation without a field it needs.
    #[error("缺少字段 {0}")]
    MissingField(String),
    /// A list of references with one that is no string.
    #[error("{0} 中有非字符串的引用")]
    NonTextReference(String),
    /// A comparison word that is none of the known ones.
    #[error("比较词“{0}”不是大于/小于/持平之类")]
    UnknownComparison(String),
    /// A relation of an unknown type.
    #[error("未知的关系类型“{0}”")]
    UnknownRelation(String),
    /// A score relation that reaches no row of a form.
    #[error("得分关系的 score 与 weight 都不是自评表（P1/P2）的单元格，无法对应到表中的行")]
    ScoreOfNoRow,
    /// A score relation whose score is no figure.
    #[error("score 不是已知的数字")]
    ScoreNotAFigure,
    /// A score relation of a form that was not converted.
    #[error("对应的自评表未能转换")]
    NoSuchForm,
    /// A score relation of an indicator row that was not converted.
    #[error("对应的指标行未能转换")]
    NoSuchIndicator,
    /// An `equals` reference to no converted cell.
    #[error("对应不到已转换的表格单元格")]
    EqualsNoCell,
    /// An implied quantity, which the model has no place for.
    #[error("模型没有推定量：FigureRef 只能引用陈述或表格单元格")]
    ImpliedQuantity,
    /// A number printed with a unit where none is expected.
    #[error("数值“{text}”带有单位 {unit}")]
    NumberWithUnit {
        /// The number as given.
        text: String,
        /// Its unit.
        unit: Unit,
    },
    /// A cell that is no string, number or null (the value as JSON).
    #[error("单元格不是字符串或 null：{0}")]
    CellNotText(String),
    /// A form's value that is no string, number or null (the value as JSON).
    #[error("不是字符串或 null：{0}")]
    NotText(String),
    /// A placeholder printed in a cell (`—`).
    #[error("印为“{0}”：模型的单元格只有数值或空白，无法表示印出的占位符")]
    Placeholder(String),
    /// A cell printed with another unit than its table's.
    #[error("单元格“{text}”的单位与表格单位 {unit} 不同")]
    CellUnit {
        /// The cell as given.
        text: String,
        /// The table's unit.
        unit: Unit,
    },
}

impl fmt::Display for Unplaced {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "未能放入模型：{}：{}", self.what, self.reason)
    }
}

/// The result of a conversion: the disclosure and what could not be placed in it.
#[derive(Debug, Clone)]
pub struct Conversion {
    /// The converted disclosure.
    pub disclosure: Disclosure,
    /// What could not be placed, in document order.
    pub unplaced: Vec<Unplaced>,
}

/// Converts the text of a `peer-fa-v1` file.
///
/// # Errors
/// A [`Refusal`] when the text is not JSON, not `peer-fa-v1`, or lacks the report's department
/// or year.
pub fn convert(text: &str) -> Result<Conversion, Refusal> {
    let doc: Value = serde_json::from_str(text).map_err(|e| Refusal::NotJson(e.to_string()))?;
    let root = doc.as_object().ok_or(Refusal::NotAnObject)?;
    match root.get("schema").and_then(Value::as_str) {
        Some(SCHEMA) => {}
        Some(other) => return Err(Refusal::OtherSchema(other.to_owned())),
        None => return Err(Refusal::NoSchema),
    }
    let report = root
        .get("report")
        .and_then(Value::as_object)
        .ok_or(Refusal::NoReport)?;
    let department = text_of(report.get("department"))
        .filter(|s| !s.trim().is_empty())
        .ok_or(Refusal::NoDepartment)?;
    let year = year_of(report.get("year")).ok_or(Refusal::NoYear)?;
    let currency = match text_of(report.get("currency_unit")) {
        None => Unit::WanYuan,
        Some(unit) => unit.parse::<Unit>().map_err(Refusal::Currency)?,
    };
    for field in ["tables", "narrative", "relations", "headings", "implied"] {
        if let Some(value) = root.get(field)
            && !value.is_array()
        {
            return Err(Refusal::NotAnArray(field));
        }
    }

    let mut conv = Converter {
        root,
        year,
        currency,
        cells: BTreeMap::new(),
        table_kinds: BTreeMap::new(),
        figures: BTreeMap::new(),
        roles: BTreeMap::new(),
        implied: BTreeSet::new(),
        disclosure: Disclosure::new(Entity::new(department, year, DisclosureKind::FinalAccounts)),
        unplaced: Vec::new(),
        table_notes: Vec::new(),
        perf_cells: BTreeMap::new(),
    };
    conv.disclosure.currency = currency;
    conv.report(report);
    conv.tables();
    conv.index_figures();
    conv.roles();
    conv.statements();
    conv.headings();
    conv.relations();
    conv.equals_claims();
    conv.implied_quantities();
    conv.disclosure.notes.append(&mut conv.table_notes);
    for note in array(root.get("transcriber_notes")) {
        match note.as_str() {
            Some(text) => conv.disclosure.notes.push(format!("转录说明：{text}")),
            None => conv.unplace("transcriber_notes", Reason::NoteNotText),
        }
    }
    Ok(Conversion {
        disclosure: conv.disclosure,
        unplaced: conv.unplaced,
    })
}

/// A narrative figure with its sentence.
struct Figure<'a> {
    fig: &'a Map<String, Value>,
    sentence: &'a Map<String, Value>,
}

impl Figure<'_> {
    fn field(&self, name: &str) -> String {
        text_of(self.fig.get(name)).unwrap_or_default()
    }
}

/// The part a figure plays in a relation, which decides the kind of its stated value.
#[derive(Debug, Clone)]
enum Role {
    /// `pct` of a share: part / whole.
    SharePct { part: String, whole: String },
    /// `pct` of a completion or execution rate.
    RatioPct { actual: String },
    /// The budget of a completion, execution or comparison.
    Budget { actual: String },
    /// `pct` of a growth relation.
    GrowthPct {
        base: Option<String>,
        direction: Option<String>,
    },
    /// `change` of a growth relation.
    Change {
        base: Option<String>,
        direction: Option<String>,
    },
    /// `prior` of a growth relation: last year's value.
    Prior,
    /// The figure of a `year` relation: it must equal the report year.
    Year,
}

struct Converter<'a> {
    root: &'a Map<String, Value>,
    year: u16,
    currency: Unit,
    /// `(table id, row key, column name)` → where the cell went.
    cells: BTreeMap<(String, String, String), (TableKind, RowKey, Column)>,
    /// table id → kind.
    table_kinds: BTreeMap<String, TableKind>,
    figures: BTreeMap<String, Figure<'a>>,
    roles: BTreeMap<String, Vec<Role>>,
    implied: BTreeSet<String>,
    disclosure: Disclosure,
    unplaced: Vec<Unplaced>,
    table_notes: Vec<String>,
    /// Where a `"P1|row|column"` / `"P2|row|column"` reference went: the form (index into
    /// `project_evaluations`) and the indicator row (`None` for the funds block).
    perf_cells: BTreeMap<(String, String, String), (usize, Option<usize>)>,
}

impl<'a> Converter<'a> {
    /// The rows of table `id` that are objects, with their 0-based index; any other row is
    /// reported as unplaced.
    fn object_rows<'v>(
        &mut self,
        id: &str,
        rows: &'v [Value],
    ) -> Vec<(usize, &'v Map<String, Value>)> {
        let mut objects = Vec::with_capacity(rows.len());
        for (index, row) in rows.iter().enumerate() {
            match row.as_object() {
                Some(row) => objects.push((index, row)),
                None => self.unplace(format!("表 {id} 第 {} 行", index + 1), Reason::NotAnObject),
            }
        }
        objects
    }

    fn unplace(&mut self, what: impl Into<String>, reason: Reason) {
        self.unplaced.push(Unplaced {
            what: what.into(),
            reason,
        });
    }

    // ---------------------------------------------------------------- report

    fn report(&mut self, report: &Map<String, Value>) {
        if let Some(kind) = text_of(report.get("kind")) {
            match kind.parse::<DisclosureKind>() {
                Ok(kind) => self.disclosure.entity.kind = kind,
                Err(_) => self.disclosure.notes.push(format!(
                    "报告类型：{kind}（模型只区分部门决算与部门预算，按部门决算记录）"
                )),
            }
        }
        if let Some(decimals) = report.get("amount_decimals") {
            match decimals.as_u64().and_then(|d| u32::try_from(d).ok()) {
                Some(d) if d <= 10 => self.disclosure.amount_decimals = d,
                _ => self.unplace("report.amount_decimals", Reason::BadDecimals),
            }
        }
        let mut source = Vec::new();
        if let Some(name) = text_of(report.get("short_name")) {
            source.push(format!("简称 {name}"));
        }
        if let Some(file) = text_of(report.get("source_file")) {
            source.push(format!("来源文件 {file}"));
        }
        if let Some(repo) = text_of(report.get("source_repo")) {
            source.push(format!("来源仓库 {repo}"));
        }
        if let Some(pages) = text_of(report.get("pages")) {
            source.push(format!("共 {pages} 页"));
        }
        if report.get("partial").and_then(Value::as_bool) == Some(true) {
            source.push("节选（partial）：未列出的表格不算缺失".to_owned());
        }
        self.disclosure
            .notes
            .push(format!("转录（{SCHEMA}）：{}", source.join("；")));
        let present = texts(report.get("tables_present"));
        if !present.is_empty() {
            self.disclosure
                .notes
                .push(format!("印有的表格：{}", present.join("、")));
            let given: BTreeSet<String> = array(self.root.get("tables"))
                .iter()
                .filter_map(|t| text_of(t.get("id")))
                .collect();
            for id in &present {
                if !given.contains(id) {
                    self.disclosure
                        .notes
                        .push(format!("表 {id} 列在 tables_present 中，但转录中没有该表"));
                }
            }
        }
        let toc = texts(report.get("tables_listed_in_toc"));
        if !toc.is_empty() {
            self.disclosure
                .notes
                .push(format!("目录所列表格：{}", toc.join("、")));
        }
    }

    // ---------------------------------------------------------------- tables

    fn tables(&mut self) {
        let mut pending_budget: Option<(String, FundsBlock)> = None;
        for (index, table) in array(self.root.get("tables")).iter().enumerate() {
            let Some(obj) = table.as_object() else {
                self.unplace(format!("tables[{index}]"), Reason::NotAnObject);
                continue;
            };
            let id = text_of(obj.get("id")).unwrap_or_else(|| format!("tables[{index}]"));
            let layout = text_of(obj.get("layout")).unwrap_or_default();
            self.table_note(&id, obj);
            if id == "P1" || layout == "perf_budget" {
                if let Some((name, funds)) = pending_budget.take() {
                    self.push_evaluation(name, funds, Vec::new());
                }
                pending_budget = Some(self.perf_budget(&id, obj));
                continue;
            }
            if id == "P2" || layout == "perf_indicators" {
                let (indicators, total) = self.perf_indicators(&id, obj);
                let (name, funds) = pending_budget
                    .take()
                    .unwrap_or_else(|| (project_name(obj), FundsBlock::default()));
                self.push_evaluation(name, funds, indicators);
                if let Some(evaluation) = self.disclosure.project_evaluations.last_mut() {
                    evaluation.stated_total = total;
                }
                continue;
            }
            let Some(kind) = table_kind(&id, text_of(obj.get("title")).as_deref()) else {
                self.unplace(format!("表 {id}"), Reason::UnknownTable);
                continue;
            };
            self.table_kinds.insert(id.clone(), kind);
            if layout.starts_with("sangong") || kind == TableKind::ThreePublic {
                self.three_public_table(&id, kind, obj, layout == "sangong_budget" || id == "T7B");
            } else {
                self.plain_table(&id, kind, obj);
            }
        }
        if let Some((name, funds)) = pending_budget {
            self.push_evaluation(name, funds, Vec::new());
        }
    }

    /// Page, caption and printed notes of a table go to the disclosure's notes.
    fn table_note(&mut self, id: &str, obj: &Map<String, Value>) {
        let title = text_of(obj.get("title")).unwrap_or_default();
        let mut parts = Vec::new();
        let pages: Vec<String> = array(obj.get("pages"))
            .iter()
            .filter_map(|p| text_of(Some(p)))
            .collect();
        if !pages.is_empty() {
            parts.push(format!("第 {} 页", pages.join("、")));
        }
        if let Some(caption) = text_of(obj.get("caption_above")) {
            parts.push(format!("表上方印有“{caption}”"));
        }
        for note in array(obj.get("notes")) {
            if let Some(note) = text_of(Some(note)) {
                parts.push(format!("表注“{note}”"));
            }
        }
        if !parts.is_empty() {
            self.table_notes
                .push(format!("表 {id}（{title}）：{}", parts.join("；")));
        }
    }

    fn table_unit(&mut self, id: &str, obj: &Map<String, Value>) -> Unit {
        match text_of(obj.get("unit")) {
            None => self.currency,
            Some(unit) => unit.parse().unwrap_or_else(|_| {
                self.unplace(format!("表 {id} 的单位“{unit}”"), Reason::UnknownTableUnit);
                self.currency
            }),
        }
    }

    fn new_table(&mut self, id: &str, kind: TableKind, obj: &Map<String, Value>) -> Table {
        let mut table = Table::new(kind, self.table_unit(id, obj));
        table.title = text_of(obj.get("title")).filter(|t| *t != kind.to_string());
        table
    }

    fn plain_table(&mut self, id: &str, kind: TableKind, obj: &Map<String, Value>) {
        let mut table = self.new_table(id, kind, obj);
        let mut columns: BTreeMap<String, Column> = BTreeMap::new();
        for name in column_names(obj.get("columns")) {
            match column_of_header(&name).ok() {
                Some(column) => {
                    columns.insert(name, column);
                    if !table.columns.contains(&column) {
                        table.columns.push(column);
                    }
                }
                None => self.unplace(format!("表 {id} 的列“{name}”"), Reason::NoSuchColumn),
            }
        }
        for (index, row) in self.object_rows(id, array(obj.get("rows"))) {
            let key = row_key_text(row, index);
            let row_key = match self.row_key(kind, row, &key) {
                Ok(row_key) => row_key,
                Err(reason) => {
                    self.unplace(format!("表 {id} 行“{key}”"), reason);
                    continue;
                }
            };
            let name = text_of(row.get("name")).unwrap_or_default();
            let mut out = Row::new(row_key.clone(), name);
            for (column_name, value) in object(row.get("values")) {
                let what = || format!("{id}|{key}|{column_name}");
                let Some(column) = columns
                    .get(column_name)
                    .copied()
                    .or_else(|| column_of_header(column_name).ok())
                else {
                    if !matches!(cell_value(value, table.unit), Ok(None)) {
                        self.unplace(what(), Reason::CellOfNoColumn);
                    }
                    continue;
                };
                if !table.columns.contains(&column) {
                    table.columns.push(column);
                }
                self.cells.insert(
                    (id.to_owned(), key.clone(), column_name.clone()),
                    (kind, row_key.clone(), column),
                );
                match cell_value(value, table.unit) {
                    Ok(Some(v)) => {
                        if out.values.insert(column, v).is_some() {
                            self.unplace(what(), Reason::ColumnTwice);
                        }
                    }
                    Ok(None) => {}
                    Err(reason) => self.unplace(what(), reason),
                }
            }
            if table.rows.iter().any(|r| r.key == row_key) {
                self.disclosure.notes.push(format!(
                    "表 {id} 中行键 {row_key} 出现不止一次（行“{key}”）；按行引用时取第一行"
                ));
            }
            table.rows.push(out);
        }
        self.disclosure.tables.push(table);
    }

    /// The typed key of a row of a two-sided, functional, economic or fund table: by its code
    /// when it has one, else by its label (`收入:…`, `支出:…`, `年初:…` or a `side` field).
    fn row_key(
        &self,
        kind: TableKind,
        row: &Map<String, Value>,
        key: &str,
    ) -> Result<RowKey, Reason> {
        if let Some(code) = text_of(row.get("code")).filter(|c| !c.is_empty()) {
            let printed = text_of(row.get("code_printed")).unwrap_or_default();
            return Ok(row_key_of_code(kind, &code).or_else(|_| row_key_of_code(kind, &printed))?);
        }
        let (side, label) = match key.split_once([':', '：']) {
            Some((side, label)) => (Some(side.to_owned()), label),
            None => (text_of(row.get("side")), key),
        };
        let side = side
            .map(|side| {
                side.parse::<TableSide>()
                    .map_err(|_| Reason::UnknownSide(side))
            })
            .transpose()?;
        Ok(row_key_of_label(kind, side, label)?)
    }

    /// 三公 tables print one row of cells; each cell becomes a category/item row × 预算数/决算数.
    fn three_public_table(
        &mut self,
        id: &str,
        kind: TableKind,
        obj: &Map<String, Value>,
        budget_only: bool,
    ) {
        let rows = array(obj.get("rows"));
        let names = column_names(obj.get("columns"));
        let mut headers = ThreePublicHeaders::new(budget_only);
        let mut layout: Vec<(String, Option<ThreePublicHeader>)> = Vec::new();
        for name in names {
            let placed = headers.read(&name).ok();
            if placed.is_none() {
                self.unplace(format!("表 {id} 的列“{name}”"), Reason::NotThreePublic);
            }
            layout.push((name, placed));
        }
        for (index, row) in self.object_rows(id, rows) {
            let key = row_key_text(row, index);
            let mut table = self.new_table(id, kind, obj);
            if rows.len() > 1 {
                let title = table.title.clone().unwrap_or_else(|| kind.to_string());
                table.title = Some(format!("{title}（{key}）"));
            }
            self.table_notes.push(format!(
                "表 {id} 印为一行“{key}”的 {} 个单元格，已按“三公”类别和明细拆为行（预算数、决算数为列）",
                layout.len()
            ));
            let empty = Map::new();
            let values = row
                .get("values")
                .and_then(Value::as_object)
                .unwrap_or(&empty);
            for (name, placed) in &layout {
                let Some(ThreePublicHeader {
                    row: row_key,
                    name: row_name,
                    column,
                    ..
                }) = placed
                else {
                    continue;
                };
                if !table.columns.contains(column) {
                    table.columns.push(*column);
                }
                self.cells.insert(
                    (id.to_owned(), key.clone(), name.clone()),
                    (kind, row_key.clone(), *column),
                );
                let position = match table.rows.iter().position(|r| &r.key == row_key) {
                    Some(p) => p,
                    None => {
                        table.rows.push(Row::new(row_key.clone(), row_name.clone()));
                        table.rows.len() - 1
                    }
                };
                match values.get(name).map(|v| cell_value(v, table.unit)) {
                    None | Some(Ok(None)) => {}
                    Some(Ok(Some(v))) => {
                        table.rows[position].values.insert(*column, v);
                    }
                    Some(Err(reason)) => self.unplace(format!("{id}|{key}|{name}"), reason),
                }
            }
            for column_name in values.keys() {
                if !layout.iter().any(|(n, _)| n == column_name) {
                    self.unplace(
                        format!("{id}|{key}|{column_name}"),
                        Reason::ColumnNotInHeader,
                    );
                }
            }
            self.push_three_public(id, table, budget_only);
        }
    }

    /// A separate 三公 budget table (T7B) joins a 三公 table already converted, so that the
    /// budget and actual columns of each line are read together (and the other way round); a
    /// cell printed in both with different values keeps the first and is noted.
    fn push_three_public(&mut self, id: &str, table: Table, budget_only: bool) {
        let existing = self.disclosure.tables.iter_mut().position(|t| {
            t.kind == TableKind::ThreePublic
                && t.unit == table.unit
                && (budget_only || t.columns == [Column::Budget])
        });
        let Some(position) = existing else {
            self.disclosure.tables.push(table);
            return;
        };
        let mut conflicts = Vec::new();
        let target = &mut self.disclosure.tables[position];
        for column in &table.columns {
            if !target.columns.contains(column) {
                target.columns.push(*column);
            }
        }
        for row in table.rows {
            match target.rows.iter_mut().find(|r| r.key == row.key) {
                Some(existing) => {
                    for (column, value) in row.values {
                        match existing.values.get(column) {
                            Some(v) if v != value => conflicts.push(format!(
                                "表 {id} 的“{}”{column} {value} 与先前“三公”表的 {v} 不同，保留先前的数字",
                                row.key
                            )),
                            Some(_) => {}
                            None => {
                                existing.values.insert(column, value);
                            }
                        }
                    }
                }
                None => target.rows.push(row),
            }
        }
        self.table_notes.push(format!(
            "表 {id} 与先前的“三公”表合并为一张表（预算数、决算数为列）"
        ));
        self.disclosure.notes.extend(conflicts);
    }

    // ---------------------------------------------------------------- performance forms

    /// P1: the funds block of a 项目支出绩效自评表.
    fn perf_budget(&mut self, id: &str, obj: &Map<String, Value>) -> (String, FundsBlock) {
        let mut funds = FundsBlock::default();
        let mut weight_seen = false;
        for (index, row) in self.object_rows(id, array(obj.get("rows"))) {
            let key = row_key_text(row, index);
            let mut line = FundLine::default();
            let mut rate = None;
            let mut weight = None;
            let mut score = None;
            for (column, value) in object(row.get("values")) {
                let what = format!("{id}|{key}|{column}");
                let form = self.disclosure.project_evaluations.len();
                self.perf_cells
                    .entry((id.to_owned(), key.clone(), column.clone()))
                    .or_insert((form, None));
                let place = funds_column_of_header(column);
                if place == Ok(FundsColumn::DeviationReason) {
                    funds.deviation_reason = text_of(Some(value)).filter(|t| !t.trim().is_empty());
                    continue;
                }
                let number = match number_value(value) {
                    Ok(None) => continue,
                    Ok(Some(n)) => n,
                    Err(reason) => {
                        self.unplace(what, reason);
                        continue;
                    }
                };
                match place {
                    Ok(FundsColumn::Rate) => rate = Some(number),
                    Ok(FundsColumn::Weight) => weight = Some(number),
                    Ok(FundsColumn::Score) => score = Some(number),
                    Ok(FundsColumn::InitialBudget) => line.initial_budget = Some(number),
                    Ok(FundsColumn::FullYearBudget) => line.full_year_budget = Some(number),
                    Ok(FundsColumn::Executed) => line.executed = Some(number),
                    _ => self.unplace(what, Reason::NotAFundsColumn),
                }
            }
            match funds_row_of_label(&key) {
                FundsRow::Fiscal => funds.fiscal = Some(line),
                FundsRow::Other => funds.other = Some(line),
                _ => funds.total = line,
            }
            if rate.is_some() || weight.is_some() || score.is_some() {
                if let Some(w) = weight {
                    funds.weight = w;
                    weight_seen = true;
                }
                funds.stated_rate = rate.or(funds.stated_rate);
                funds.stated_score = score.or(funds.stated_score);
            }
        }
        if !weight_seen {
            self.unplace(format!("表 {id}"), Reason::NoFundsWeight);
        }
        (project_name(obj), funds)
    }

    /// P2: the indicator rows of a 项目支出绩效自评表.
    /// Returns the indicators and the 总分 of a 合计 row, if printed.
    fn perf_indicators(
        &mut self,
        id: &str,
        obj: &Map<String, Value>,
    ) -> (Vec<Indicator>, Option<Decimal>) {
        let mut indicators = Vec::new();
        let mut total = None;
        for (index, row) in self.object_rows(id, array(obj.get("rows"))) {
            let what = format!("表 {id} 第 {} 行", index + 1);
            let cells: Vec<(&str, String)> = object(row.get("values"))
                .filter_map(|(k, v)| text_of(Some(v)).map(|v| (k.as_str(), v)))
                .collect();
            let cells: Vec<(&str, &str)> = cells.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let name = text_of(row.get("name"));
            match indicator_of_row(name.as_deref(), &cells) {
                Ok(Some(indicator)) => {
                    let key = text_of(row.get("key"))
                        .or_else(|| text_of(row.get("name")))
                        .unwrap_or_else(|| indicator.name.clone());
                    // P1 (if any) was read before: this form is the next one pushed.
                    let form = self.disclosure.project_evaluations.len();
                    for (column, _) in object(row.get("values")) {
                        self.perf_cells
                            .entry((id.to_owned(), key.clone(), column.clone()))
                            .or_insert((form, Some(indicators.len())));
                    }
                    indicators.push(indicator);
                }
                Ok(None) => {
                    let score = object(row.get("values"))
                        .filter(|(column, _)| column.contains("得分"))
                        .find_map(|(_, v)| number_value(v).ok().flatten());
                    match score {
                        Some(score) => total = Some(score),
                        None => self.unplace(what, Reason::TotalWithoutScore),
                    }
                }
                Err(error) => self.unplace(what, error.into()),
            }
        }
        (indicators, total)
    }

    fn push_evaluation(&mut self, name: String, funds: FundsBlock, indicators: Vec<Indicator>) {
        self.disclosure
            .project_evaluations
            .push(ProjectSelfEvaluation::new(
                name,
                self.disclosure.entity.name.clone(),
                self.year,
                funds,
                indicators,
            ));
    }

    // ---------------------------------------------------------------- narrative

    fn index_figures(&mut self) {
        for (s_index, sentence) in array(self.root.get("narrative")).iter().enumerate() {
            let Some(sentence) = sentence.as_object() else {
                self.unplace(format!("narrative[{s_index}]"), Reason::NotAnObject);
                continue;
            };
            for (f_index, fig) in array(sentence.get("figures")).iter().enumerate() {
                let sid = text_of(sentence.get("id")).unwrap_or_else(|| format!("{s_index}"));
                match (fig.as_object(), fig.get("id").and_then(Value::as_str)) {
                    (Some(fig), Some(id)) => {
                        if self
                            .figures
                            .insert(id.to_owned(), Figure { fig, sentence })
                            .is_some()
                        {
                            self.unplace(format!("数字 {id}"), Reason::DuplicateId);
                        }
                    }
                    _ => self.unplace(
                        format!("句 {sid} 第 {} 个数字", f_index + 1),
                        Reason::FigureWithoutId,
                    ),
                }
            }
        }
        for item in array(self.root.get("implied")) {
            if let Some(id) = text_of(item.get("id")) {
                self.implied.insert(id);
            }
        }
    }

    fn roles(&mut self) {
        for relation in array(self.root.get("relations")) {
            let field = |name: &str| text_of(relation.get(name));
            let mut add = |fig: Option<String>, role: Role| {
                if let Some(fig) = fig {
                    self.roles.entry(fig).or_default().push(role);
                }
            };
            match field("type").as_deref() {
                Some("share") => {
                    if let (Some(part), Some(whole)) = (field("part"), field("whole")) {
                        add(field("pct"), Role::SharePct { part, whole });
                    }
                }
                Some("completion" | "execution") => {
                    if let Some(actual) = field("actual") {
                        add(
                            field("pct"),
                            Role::RatioPct {
                                actual: actual.clone(),
                            },
                        );
                        add(field("budget"), Role::Budget { actual });
                    }
                }
                Some("compare") => {
                    if let Some(actual) = field("actual") {
                        add(field("budget"), Role::Budget { actual });
                    }
                }
                Some("growth") => {
                    let base = field("current").or_else(|| field("prior"));
                    let direction = field("direction");
                    add(
                        field("pct"),
                        Role::GrowthPct {
                            base: base.clone().or_else(|| field("change")),
                            direction: direction.clone(),
                        },
                    );
                    add(field("change"), Role::Change { base, direction });
                    add(field("prior"), Role::Prior);
                }
                Some("year") => add(field("fig"), Role::Year),
                _ => {}
            }
        }
    }

    fn statements(&mut self) {
        let ids: Vec<String> = array(self.root.get("narrative"))
            .iter()
            .flat_map(|s| array(s.get("figures")))
            .filter_map(|f| text_of(f.get("id")))
            .collect();
        let mut done = BTreeSet::new();
        for id in ids {
            if !done.insert(id.clone()) {
                continue;
            }
            if let Some(decimals) = self
                .figures
                .get(&id)
                .and_then(|f| text_of(f.fig.get("decimals")))
            {
                self.disclosure.notes.push(format!(
                    "数字 {id} 的金额按 {decimals} 位小数印制（与全文的 amount_decimals 不同）"
                ));
            }
            match self.statement(&id) {
                Ok(statement) => self.disclosure.statements.push(statement),
                Err(reason) => self.unplace(format!("数字 {id}"), reason),
            }
        }
    }

    fn statement(&self, id: &str) -> Result<Statement, Reason> {
        let figure = self.figures.get(id).ok_or(Reason::NoSuchFigure)?;
        let roles = self.roles.get(id).map(Vec::as_slice).unwrap_or_default();
        let unit = figure.field("unit");
        let kind = figure.field("kind");
        let raw = figure.field("value");
        let text = figure.field("text");
        let mut year = None;
        let concept = self.concept_of_figure(id, 0);
        let value = if kind == "year" || roles.iter().any(|r| matches!(r, Role::Year)) {
            StatedValue::Count(
                raw.trim()
                    .parse()
                    .map_err(|_| Reason::BadYear(raw.clone()))?,
            )
        } else if kind == "count" {
            StatedValue::Count(
                raw.trim()
                    .parse()
                    .map_err(|_| Reason::BadCount(raw.clone()))?,
            )
        } else if unit == "%" || unit == "％" {
            let rate: Percent = format!("{raw}%").parse()?;
            self.percent_value(id, rate, roles, &text)?
        } else if let Ok(unit) = unit.parse::<Unit>() {
            let amount = fiscal_cn::money::Amount::new(number(&raw)?, unit);
            if roles.iter().any(|r| matches!(r, Role::Prior)) {
                year = self.year.checked_sub(1);
            }
            if let Some(Role::Change { direction, .. }) =
                roles.iter().find(|r| matches!(r, Role::Change { .. }))
            {
                StatedValue::Change {
                    amount,
                    direction: self
                        .direction(figure, direction.as_deref())
                        .ok_or(Reason::ChangeWithoutDirection)?,
                }
            } else if roles.iter().any(|r| matches!(r, Role::Budget { .. }))
                || self.equals_budget_column(figure)
                || names_a_budget(&text)
            {
                StatedValue::Budget(amount)
            } else {
                StatedValue::Amount(amount)
            }
        } else if unit == "分" {
            StatedValue::Score(number(&raw)?)
        } else if let Ok(count) = raw.trim().parse::<u64>() {
            StatedValue::Count(count)
        } else {
            return Err(Reason::UnknownUnit { unit, value: raw });
        };
        let mut location = Location::new(
            text_of(figure.sentence.get("section")).unwrap_or_default(),
            text_of(figure.sentence.get("text")).unwrap_or_default(),
        );
        location.page = figure
            .sentence
            .get("page")
            .and_then(Value::as_u64)
            .and_then(|p| u32::try_from(p).ok());
        let mut statement = Statement::new(concept, value, location).with_id(id);
        statement.year = year;
        Ok(statement)
    }

    fn percent_value(
        &self,
        id: &str,
        rate: Percent,
        roles: &[Role],
        text: &str,
    ) -> Result<StatedValue, Reason> {
        for role in roles {
            match role {
                Role::SharePct { whole, .. } => {
                    return Ok(StatedValue::Share {
                        rate,
                        of: self.concept_of_operand(whole, 1),
                    });
                }
                Role::RatioPct { .. } => return Ok(StatedValue::Completion { rate }),
                Role::GrowthPct { direction, .. } => {
                    let figure = self.figures.get(id).ok_or(Reason::NoSuchFigure)?;
                    return Ok(StatedValue::Growth {
                        rate,
                        direction: self
                            .direction(figure, direction.as_deref())
                            .ok_or(Reason::GrowthWithoutDirection)?,
                    });
                }
                _ => {}
            }
        }
        if let Some(direction) = direction_in(text) {
            Ok(StatedValue::Growth { rate, direction })
        } else if text.contains("完成") || text.contains("执行率") {
            Ok(StatedValue::Completion { rate })
        } else {
            Err(Reason::UnrelatedPercent)
        }
    }

    /// The direction of a change or growth figure: its own words first, then the relation's
    /// `direction`, then the sentence when it has exactly one kind of direction word.
    fn direction(&self, figure: &Figure<'_>, stated: Option<&str>) -> Option<Direction> {
        direction_in(&figure.field("text"))
            .or_else(|| match stated {
                Some("increase") => Some(Direction::Increase),
                Some("decrease") => Some(Direction::Decrease),
                Some("flat") => Some(Direction::Flat),
                Some(word) => word.parse().ok(),
                None => None,
            })
            .or_else(|| {
                sole_direction_in(&text_of(figure.sentence.get("text")).unwrap_or_default())
            })
    }

    fn equals_budget_column(&self, figure: &Figure<'_>) -> bool {
        array(figure.fig.get("equals")).iter().any(|e| {
            text_of(Some(e))
                .and_then(|r| self.cell_ref(&r))
                .is_some_and(|(_, _, column)| {
                    matches!(column, Column::Budget | Column::AdjustedBudget)
                })
        })
    }

    fn concept_of_operand(&self, operand: &str, depth: u8) -> Concept {
        if self.figures.contains_key(operand) {
            self.concept_of_figure(operand, depth)
        } else if let Some(concept) = self
            .cell_ref(operand)
            .and_then(|(kind, row, column)| concept_of_cell(kind, &row, column))
        {
            concept
        } else {
            Concept::Other(operand.to_owned())
        }
    }

    fn concept_of_figure(&self, id: &str, depth: u8) -> Concept {
        let Some(figure) = self.figures.get(id) else {
            return Concept::Other(id.to_owned());
        };
        let about = figure.field("about");
        let roles = self.roles.get(id).map(Vec::as_slice).unwrap_or_default();
        if roles.iter().any(|r| matches!(r, Role::Year)) {
            return Concept::ReportYear;
        }
        if figure.field("kind") == "year" {
            return Concept::Other(format!("年份：{about}"));
        }
        for reference in array(figure.fig.get("equals")) {
            if let Some(concept) = text_of(Some(reference))
                .and_then(|r| self.cell_ref(&r))
                .and_then(|(kind, row, column)| concept_of_cell(kind, &row, column))
            {
                return concept;
            }
        }
        if depth < 8 {
            for role in roles {
                let base = match role {
                    Role::SharePct { part, .. } => Some(part),
                    Role::RatioPct { actual } | Role::Budget { actual } => Some(actual),
                    Role::GrowthPct { base, .. } | Role::Change { base, .. } => base.as_ref(),
                    Role::Prior | Role::Year => None,
                };
                if let Some(base) = base {
                    return self.concept_of_operand(base, depth + 1);
                }
            }
        }
        let text = figure.field("text");
        if figure.field("kind") == "count" {
            let section = text_of(figure.sentence.get("section")).unwrap_or_default();
            let sentence = text_of(figure.sentence.get("text")).unwrap_or_default();
            let mut setting = CountSetting::new()
                .with_sentence(&sentence)
                .in_assets_section(section.contains("国有资产"))
                .in_performance_section(section.contains("绩效"));
            // What the count counts is named by the transcriber's description, the clause of
            // the sentence before the figure and the figure's own words (`接待12批次`).
            let own = text.trim_end_matches(|c: char| !c.is_ascii_digit());
            let own = own.trim_end_matches(|c: char| c.is_ascii_digit() || c == ',');
            let clause = sentence
                .find(text.as_str())
                .map(|at| &sentence[..at])
                .and_then(|before| before.rsplit(['，', '。', '；', '、', ',']).next())
                .unwrap_or_default();
            let words = format!("{about} {clause}{own}");
            return match count_named(&words, &figure.field("unit"), &mut setting) {
                CountNaming::Count(countable) => Concept::Count(countable),
                _ => Concept::Other(about),
            };
        }
        // The words before the figure name it; the figure itself (`4.79万元`) says nothing.
        let label = text
            .trim_end_matches(['万', '亿', '元', '%', '％'])
            .trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | ','));
        concept_named(&format!("{about} {label}")).unwrap_or(Concept::Other(about))
    }

    /// Where a `"T|row|column"` reference went, if its cell was placed.
    fn cell_ref(&self, reference: &str) -> Option<(TableKind, RowKey, Column)> {
        let mut parts = reference.splitn(3, '|');
        let (table, row, column) = (parts.next()?, parts.next()?, parts.next()?);
        self.cells
            .get(&(table.to_owned(), row.to_owned(), column.to_owned()))
            .cloned()
    }

    fn figure_ref(&self, operand: &str) -> Result<FigureRef, Reason> {
        if self.figures.contains_key(operand) {
            return if self
                .disclosure
                .statements
                .iter()
                .any(|s| s.id.as_deref() == Some(operand))
            {
                Ok(FigureRef::Statement(operand.to_owned()))
            } else {
                Err(Reason::NotAStatement(operand.to_owned()))
            };
        }
        if let Some((table, row, column)) = self.cell_ref(operand) {
            return Ok(FigureRef::Cell { table, row, column });
        }
        if self.implied.contains(operand) {
            return Err(Reason::ImpliedReference(operand.to_owned()));
        }
        if operand.contains('|') {
            Err(Reason::NoSuchCell(operand.to_owned()))
        } else {
            Err(Reason::UnknownReference(operand.to_owned()))
        }
    }

    // ---------------------------------------------------------------- headings, relations

    fn headings(&mut self) {
        for (index, heading) in array(self.root.get("headings")).iter().enumerate() {
            let where_ = text_of(heading.get("where")).unwrap_or_default();
            let text = text_of(heading.get("text")).unwrap_or_default();
            let page = heading
                .get("page")
                .and_then(Value::as_u64)
                .and_then(|p| u32::try_from(p).ok());
            let mut parts = Vec::new();
            if let Some(entity) = text_of(heading.get("entity")) {
                parts.push(format!("单位名称“{entity}”"));
            }
            if let Some(year) = text_of(heading.get("year")) {
                parts.push(format!("年度 {year}"));
                let id = format!("heading{}", index + 1);
                match year.trim().parse::<u64>() {
                    Ok(value) if !self.figures.contains_key(&id) => {
                        let mut location = Location::new(where_.clone(), text.clone());
                        location.page = page;
                        self.disclosure.statements.push(
                            Statement::new(
                                Concept::ReportYear,
                                StatedValue::Count(value),
                                location,
                            )
                            .with_id(id),
                        );
                    }
                    _ => self.unplace(
                        format!("标题 {where_} 的年度“{year}”"),
                        Reason::BadHeadingYear,
                    ),
                }
            }
            let page = page.map(|p| format!("第 {p} 页")).unwrap_or_default();
            self.disclosure.notes.push(format!(
                "标题（{where_}{}{page}）印有“{text}”：{}",
                if page.is_empty() { "" } else { "，" },
                parts.join("，")
            ));
        }
    }

    fn relations(&mut self) {
        for (index, relation) in array(self.root.get("relations")).iter().enumerate() {
            let kind = text_of(relation.get("type")).unwrap_or_default();
            let what = format!("关系 {} {kind}", index + 1);
            if let Some(note) = text_of(relation.get("note")) {
                self.disclosure.notes.push(format!("{what} 的说明：{note}"));
            }
            match self.claim(relation, &kind) {
                Ok(Some(claim)) => self.disclosure.claims.push(claim),
                Ok(None) => {}
                Err(reason) => self.unplace(what, reason),
            }
        }
    }

    fn claim(&mut self, relation: &Value, kind: &str) -> Result<Option<Claim>, Reason> {
        let one = |name: &str| -> Result<FigureRef, Reason> {
            let operand = field(relation, name)?;
            self.figure_ref(&operand)
        };
        let maybe = |name: &str| -> Result<Option<FigureRef>, Reason> {
            text_of(relation.get(name))
                .map(|operand| self.figure_ref(&operand))
                .transpose()
        };
        let many = |name: &str| -> Result<Vec<FigureRef>, Reason> {
            array(relation.get(name))
                .iter()
                .map(|v| {
                    text_of(Some(v))
                        .ok_or_else(|| Reason::NonTextReference(name.to_owned()))
                        .and_then(|operand| self.figure_ref(&operand))
                })
                .collect()
        };
        Ok(Some(match kind {
            "share" => Claim::Ratio {
                rate: one("pct")?,
                part: one("part")?,
                whole: one("whole")?,
            },
            // A form's own 执行率 (a P1 cell): the form holds rate, budget and executed, and
            // P004 checks them; there is no table cell to point a claim at.
            "completion" | "execution"
                if text_of(relation.get("pct")).is_some_and(|pct| {
                    let mut parts = pct.splitn(3, '|');
                    let key = (
                        parts.next().unwrap_or_default().to_owned(),
                        parts.next().unwrap_or_default().to_owned(),
                        parts.next().unwrap_or_default().to_owned(),
                    );
                    self.perf_cells.contains_key(&key)
                }) =>
            {
                return Ok(None);
            }
            "completion" | "execution" => Claim::Ratio {
                rate: one("pct")?,
                part: one("actual")?,
                whole: one("budget")?,
            },
            "growth" => Claim::Growth {
                rate: maybe("pct")?,
                change: maybe("change")?,
                current: maybe("current")?,
                prior: maybe("prior")?,
            },
            "sum" => Claim::Sum {
                total: one("total")?,
                parts: many("parts")?,
                minus: many("minus")?,
            },
            "subset_sum" => Claim::SubsetSum {
                total: one("total")?,
                parts: many("parts")?,
            },
            "count_sum" => Claim::CountSum {
                total: one("total")?,
                parts: many("parts")?,
            },
            "compare" => {
                let word = field(relation, "stated")?;
                Claim::Compare {
                    actual: one("actual")?,
                    budget: one("budget")?,
                    stated: word.parse().map_err(|_| Reason::UnknownComparison(word))?,
                }
            }
            "same" => Claim::Same {
                a: one("a")?,
                b: one("b")?,
            },
            "year" => {
                // Placed as the figure's concept (Concept::ReportYear); nothing more to keep.
                let fig = field(relation, "fig")?;
                self.figure_ref(&fig)?;
                return Ok(None);
            }
            "names" => {
                let fig = text_of(relation.get("fig")).unwrap_or_default();
                let row = text_of(relation.get("row")).unwrap_or_default();
                let names = texts(relation.get("names"));
                let levels = ["类", "款", "项"];
                let path: String = names
                    .iter()
                    .zip(levels.iter().chain(std::iter::repeat(&"")))
                    .map(|(n, l)| {
                        if l.is_empty() {
                            n.clone()
                        } else {
                            format!("{n}（{l}）")
                        }
                    })
                    .collect();
                self.disclosure.notes.push(format!(
                    "科目名称：数字 {fig} 所述 {path}，应与表行 {row} 的类/款/项名称一致"
                ));
                return Ok(None);
            }
            "score" => return self.score_relation(relation).map(|()| None),
            other => return Err(Reason::UnknownRelation(other.to_owned())),
        }))
    }

    /// A `score` relation becomes the form's stated score: when its `score` operand is a cell of
    /// a P1/P2 form, the form already holds it (P004 compares it with the computed score); when
    /// it is a narrative figure and its `weight` operand is a form cell, the figure becomes that
    /// row's stated score (a form's own printed score wins over the narrative's).
    fn score_relation(&mut self, relation: &Value) -> Result<(), Reason> {
        let operand = |name: &str| text_of(relation.get(name));
        let place = |operand: &str| {
            let mut parts = operand.splitn(3, '|');
            let key = (
                parts.next()?.to_owned(),
                parts.next()?.to_owned(),
                parts.next()?.to_owned(),
            );
            self.perf_cells.get(&key).copied()
        };
        let score = field(relation, "score")?;
        if place(&score).is_some() {
            return Ok(());
        }
        let (form, row) = operand("weight")
            .as_deref()
            .and_then(place)
            .ok_or(Reason::ScoreOfNoRow)?;
        let figure = self.figures.get(&score).ok_or(Reason::ScoreNotAFigure)?;
        let value = number(&figure.field("value"))?;
        let evaluation = self
            .disclosure
            .project_evaluations
            .get_mut(form)
            .ok_or(Reason::NoSuchForm)?;
        let slot = match row {
            None => &mut evaluation.funds.stated_score,
            Some(i) => {
                &mut evaluation
                    .indicators
                    .get_mut(i)
                    .ok_or(Reason::NoSuchIndicator)?
                    .stated_score
            }
        };
        match *slot {
            None => *slot = Some(value),
            Some(printed) if printed == value => {}
            Some(printed) => self.disclosure.notes.push(format!(
                "数字 {score} 的得分 {value} 与自评表“{}”中填列的得分 {printed} 不同；以表中得分核对",
                evaluation.project_name
            )),
        }
        Ok(())
    }

    /// Each `equals` reference of a figure is a claim that the figure and the cell are one
    /// quantity printed twice.
    fn equals_claims(&mut self) {
        let mut claims = Vec::new();
        let mut problems = Vec::new();
        for statement in &self.disclosure.statements {
            let Some(id) = statement.id.as_deref() else {
                continue;
            };
            let Some(figure) = self.figures.get(id) else {
                continue;
            };
            for reference in array(figure.fig.get("equals")) {
                let reference = text_of(Some(reference)).unwrap_or_default();
                match self.cell_ref(&reference) {
                    Some((table, row, column)) => claims.push(Claim::Same {
                        a: FigureRef::Statement(id.to_owned()),
                        b: FigureRef::Cell { table, row, column },
                    }),
                    None => problems.push((
                        format!("数字 {id} 的 equals “{reference}”"),
                        Reason::EqualsNoCell,
                    )),
                }
            }
        }
        self.disclosure.claims.extend(claims);
        for (what, reason) in problems {
            self.unplace(what, reason);
        }
    }

    fn implied_quantities(&mut self) {
        for (index, item) in array(self.root.get("implied")).iter().enumerate() {
            let id = text_of(item.get("id")).unwrap_or_else(|| format!("implied[{index}]"));
            self.unplace(format!("推定量 {id}（{}）", item), Reason::ImpliedQuantity);
        }
    }
}

// -------------------------------------------------------------------- free helpers

fn text_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn year_of(value: Option<&Value>) -> Option<u16> {
    text_of(value)?.trim().parse().ok().filter(|y| *y >= 1949)
}

/// A row's key for references: its `key`, else its `name`, else `第 N 行`.
fn row_key_text(row: &Map<String, Value>, index: usize) -> String {
    text_of(row.get("key"))
        .or_else(|| text_of(row.get("name")))
        .unwrap_or_else(|| format!("第 {} 行", index + 1))
}

/// The texts of a JSON array (numbers written as text), skipping anything else.
fn texts(value: Option<&Value>) -> Vec<String> {
    array(value)
        .iter()
        .filter_map(|v| text_of(Some(v)))
        .collect()
}

fn array(value: Option<&Value>) -> &[Value] {
    value.and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn object(value: Option<&Value>) -> impl Iterator<Item = (&String, &Value)> {
    value.and_then(Value::as_object).into_iter().flatten()
}

fn number(text: &str) -> Result<Decimal, Reason> {
    let printed = parse_amount(text)?;
    match printed.unit {
        None => Ok(printed.value),
        Some(unit) => Err(Reason::NumberWithUnit {
            text: text.to_owned(),
            unit,
        }),
    }
}

/// A relation's field that must be there, as text.
fn field(relation: &Value, name: &str) -> Result<String, Reason> {
    text_of(relation.get(name)).ok_or_else(|| Reason::MissingField(name.to_owned()))
}

/// A table cell: `null` or `""` is blank, a string is parsed strictly.
fn cell_value(value: &Value, unit: Unit) -> Result<Option<Decimal>, Reason> {
    let text = match value {
        Value::Null => return Ok(None),
        Value::String(s) if s.trim().is_empty() => return Ok(None),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        other => return Err(Reason::CellNotText(other.to_string())),
    };
    if ["—", "-", "－", "/", "——", "…"].contains(&text.trim()) {
        return Err(Reason::Placeholder(text.trim().to_owned()));
    }
    let printed = parse_amount(&text)?;
    match printed.unit {
        Some(u) if u != unit => Err(Reason::CellUnit { text, unit }),
        _ => Ok(Some(printed.value)),
    }
}

/// A number in a performance form: an amount, or a percentage (`98.2%`).
fn number_value(value: &Value) -> Result<Option<Decimal>, Reason> {
    let text = match value {
        Value::Null => return Ok(None),
        Value::String(s) if s.trim().is_empty() => return Ok(None),
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        other => return Err(Reason::NotText(other.to_string())),
    };
    if text.ends_with('%') || text.ends_with('％') {
        return Ok(Some(text.parse::<Percent>()?.points()));
    }
    Ok(Some(parse_amount(&text)?.value))
}

fn table_kind(id: &str, title: Option<&str>) -> Option<TableKind> {
    Some(match id {
        "T1" => TableKind::Summary,
        "T2" => TableKind::Income,
        "T3" => TableKind::Expenditure,
        "T4" => TableKind::AppropriationSummary,
        "T5" => TableKind::GeneralBudgetExpenditure,
        "T6" => TableKind::BasicExpenditure,
        "T7" | "T7B" => TableKind::ThreePublic,
        "T8" => TableKind::GovernmentFund,
        "T9" => TableKind::StateCapital,
        _ => return table_kind_of_title(title?).ok(),
    })
}

/// Column names of a table header: `{"all": [...]}` or `{"收入": [...], "支出": [...]}`.
fn column_names(columns: Option<&Value>) -> Vec<String> {
    let mut names = Vec::new();
    let mut push = |list: &Value| {
        for name in list.as_array().map_or(&[][..], Vec::as_slice) {
            if let Some(name) = name.as_str()
                && !names.iter().any(|n| n == name)
            {
                names.push(name.to_owned());
            }
        }
    };
    match columns {
        Some(Value::Object(sides)) => {
            // JSON objects come back sorted; put the sides in printed order.
            let order = |side: &str| ["收入", "支出", "all"].iter().position(|s| *s == side);
            let mut sides: Vec<(&String, &Value)> = sides.iter().collect();
            sides.sort_by_key(|(side, _)| order(side).unwrap_or(usize::MAX));
            sides.into_iter().for_each(|(_, list)| push(list));
        }
        Some(list @ Value::Array(_)) => push(list),
        _ => {}
    }
    names
}

fn project_name(obj: &Map<String, Value>) -> String {
    text_of(obj.get("project"))
        .or_else(|| text_of(obj.get("project_name")))
        .or_else(|| text_of(obj.get("caption_above")))
        .or_else(|| text_of(obj.get("title")))
        .unwrap_or_default()
}
