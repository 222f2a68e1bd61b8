//! CSV ingest of expenditure lines into a [`BulkLedger`] (feature `csv`).
//!
//! The format is one header line and one line item per line:
//!
//! ```text
//! 单位,功能分类,经济分类,支出类型,资金来源,金额
//! 1,2013201,30101,基本支出,一般公共预算财政拨款收入,"1,250,000.00"
//! ```
//!
//! or with English headers `unit,function,economic,kind,source,amount`, columns in any order,
//! the economic column optional. A hand-rolled parser reads it on every core: fields are
//! separated by commas and may be quoted (`"1,250,000.00"`); no value of this format contains
//! a quote or a line break, so a row with one inside a field is rejected. Line ends may be `\n`
//! or `\r\n`; a UTF-8 byte-order mark is skipped; an empty line is no row.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use rust_decimal::Decimal;

use super::{BulkLedger, CentsError, LineKeys, to_cents};
use crate::classification::{DepartmentEconomicCode, FunctionCode};
use crate::dimensions::{ExpenditureKind, IncomeSource};
use crate::error::{CsvHeaderProblem, Error, Result, RowRejection};
use crate::ledger::{ExpenditureItem, LedgerReason, UnitId, expenditure_problem};
use crate::money::{Unit, parse_amount};
use crate::parallel;

/// What to do with a row that cannot be read or is not a valid line item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum IngestMode {
    /// Stop at the first bad row: [`ingest_csv`] returns an error naming its line.
    #[default]
    FailFast,
    /// Keep the good rows and list every bad one in [`Ingest::rejected`].
    SkipAndReport,
}

/// How to read a CSV file of line items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CsvOptions {
    /// The unit of amounts written without one (a unit written in a cell wins, e.g. `5万元`).
    pub unit: Unit,
    /// Fail fast or skip and report.
    pub mode: IngestMode,
}

impl Default for CsvOptions {
    /// Amounts in 元, fail fast.
    fn default() -> Self {
        CsvOptions {
            unit: Unit::Yuan,
            mode: IngestMode::FailFast,
        }
    }
}

/// A row that was not ingested, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RejectedRow {
    /// The 1-based line number in the file (the header is line 1).
    pub line: usize,
    /// Why (its `Display` in Chinese).
    pub reason: RowRejection,
}

/// The result of [`ingest_csv`]: the ledger of the good rows and every rejected one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Ingest {
    /// The rows that were read, in file order.
    pub ledger: BulkLedger,
    /// The rows that were not, in line order (always empty in [`IngestMode::FailFast`]).
    pub rejected: Vec<RejectedRow>,
}

/// Reads line items from CSV bytes on every core.
///
/// The header names the columns, in Chinese (`单位,功能分类,经济分类,支出类型,资金来源,金额`;
/// `金额（元）`/`金额（万元）` must agree with [`CsvOptions::unit`]) or English
/// (`unit,function,economic,kind,source,amount`), in any order; the economic column is
/// optional. Units are numbers (`7` or `单位7`), codes as printed, kinds and sources by their
/// Chinese names, amounts in the strict grammar of [`parse_amount`] converted exactly to 分
/// (more precision than 分 is an error). Fields may be quoted (`"1,250,000.00"`) but never
/// contain a quote or a line break; line ends are `\n` or `\r\n`; a UTF-8 byte-order mark is
/// skipped; an empty line is no row.
///
/// A bad header is an error in either mode. Each bad
/// row is an error ([`IngestMode::FailFast`]) or a [`RejectedRow`] with its line number
/// ([`IngestMode::SkipAndReport`]); no row is dropped silently.
///
/// ```
/// use fiscal_cn::{RowRejection, money::Unit, bulk::{ingest_csv, CsvOptions, IngestMode}};
///
/// let csv = "unit,function,economic,kind,source,amount\n\
///            1,2013201,30101,基本支出,一般公共预算财政拨款收入,12.5\n\
///            1,2013201,,经营支出,经营收入,0.0000001\n\
///            2,2080501,,项目支出,事业收入,\"1,000\"\n";
/// let options = CsvOptions { unit: Unit::WanYuan, mode: IngestMode::SkipAndReport };
/// let ingest = ingest_csv(csv.as_bytes(), options)?;
/// assert_eq!(ingest.ledger.len(), 2);
/// assert_eq!(ingest.ledger.total()?.to_string(), "10125000.00"); // 元
/// assert_eq!(ingest.rejected[0].line, 3);
/// assert_eq!(ingest.rejected[0].reason, RowRejection::FinerThanFen { text: "0.0000001".into() });
///
/// let strict = ingest_csv(csv.as_bytes(), CsvOptions { mode: IngestMode::FailFast, ..options });
/// assert!(strict.unwrap_err().to_string().contains("CSV 第 3 行"));
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
///
/// # Errors
/// [`Error::CsvHeader`] when the header lacks a required column (or cannot be read), or
/// [`Error::CsvLine`] with [`IngestMode::FailFast`] at the first bad line; with
/// [`IngestMode::SkipAndReport`] bad lines are listed in [`Ingest::rejected`] instead.
/// [`Error::Overflow`] when a sum exceeds what the ledger holds.
pub fn ingest_csv(input: &[u8], options: CsvOptions) -> Result<Ingest> {
    ingest_on(input, options, 0)
}

/// [`ingest_csv`] of a file: the same result, read in pieces on every core.
///
/// A large file is not read into memory whole: each thread reads its share of the lines a
/// block at a time and parses them as they come, so reading is spread over the cores and the
/// file's bytes never all sit in memory at once. A property test checks the result (rows,
/// rejected lines and their numbers, errors) equals [`ingest_csv`] of the file's bytes.
///
/// # Errors
/// [`Error::Io`] when the file cannot be read; otherwise as [`ingest_csv`].
pub fn ingest_csv_path(path: impl AsRef<Path>, options: CsvOptions) -> Result<Ingest> {
    let path = path.as_ref();
    let io = |e: std::io::Error| Error::Io {
        path: path.display().to_string(),
        source: e.into(),
    };
    let len = std::fs::metadata(path).map_err(io)?.len();
    let len = usize::try_from(len).unwrap_or(usize::MAX);
    if len < 2 * MIN_BYTES_PER_THREAD || parallel::threads(0) < 2 {
        let bytes = std::fs::read(path).map_err(io)?;
        return ingest_csv(&bytes, options);
    }
    read_path(path, len, options).map_err(io)?
}

/// Bytes read at a time by each thread of [`ingest_csv_path`].
const BLOCK: usize = if cfg!(test) { 16 } else { 1 << 20 };

/// `len` bytes of `file` from `offset`, or fewer at the end of the file.
fn read_at(file: &mut File, offset: usize, len: usize) -> std::io::Result<Vec<u8>> {
    file.seek(SeekFrom::Start(offset as u64))?;
    let mut out = Vec::with_capacity(len);
    file.take(len as u64).read_to_end(&mut out)?;
    Ok(out)
}

/// The offset just after the first `\n` at or after `from`, if any.
fn line_start_after(file: &mut File, from: usize) -> std::io::Result<Option<usize>> {
    let mut at = from;
    loop {
        let block = read_at(file, at, BLOCK.max(1 << 12))?;
        if let Some(i) = block.iter().position(|&b| b == b'\n') {
            return Ok(Some(at + i + 1));
        }
        if block.is_empty() {
            return Ok(None);
        }
        at += block.len();
    }
}

/// [`ingest_csv_path`] of a file of `len` bytes, in pieces (an I/O error outside, a CSV
/// error inside).
fn read_path(path: &Path, len: usize, options: CsvOptions) -> std::io::Result<Result<Ingest>> {
    let mut file = File::open(path)?;
    let Some(body_start) = line_start_after(&mut file, 0)? else {
        // One line: no body to share out.
        return Ok(ingest_csv(&std::fs::read(path)?, options));
    };
    let head = read_at(&mut file, 0, body_start)?;
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head);
    let header = &head[..head.len() - 1];
    let layout = match layout(header.strip_suffix(b"\r").unwrap_or(header), options.unit) {
        Ok(layout) => layout,
        Err(e) => return Ok(Err(e)),
    };
    let body = len - body_start;
    let threads = parallel::threads(0).min(body / MIN_BYTES_PER_THREAD).max(1);
    // Pieces cut at line ends, as `split_at_lines` cuts the bytes.
    let mut bounds = vec![body_start];
    for i in 1..threads {
        let target = (body_start + body * i / threads).max(*bounds.last().unwrap_or(&0));
        match line_start_after(&mut file, target)? {
            Some(end) if end < len => bounds.push(end),
            _ => break,
        }
    }
    bounds.push(len);
    let ranges = (0..bounds.len() - 1).map(|i| i..i + 1).collect();
    let parts = parallel::map(ranges, |r| {
        let (from, to) = (bounds[r.start], bounds[r.start + 1]);
        let capacity = if r.start == 0 { body } else { to - from } / 48 + 1;
        read_piece(path, from, to, &layout, options.mode, capacity)
    });
    let parts = parts.into_iter().collect::<std::io::Result<Vec<_>>>()?;
    Ok(merge_parts(parts, options.mode, threads))
}

/// The lines of bytes `from..to` of the file, read a block at a time: the same [`Part`] as
/// [`read_part`] of those bytes.
fn read_piece(
    path: &Path,
    from: usize,
    to: usize,
    layout: &Layout,
    mode: IngestMode,
    capacity: usize,
) -> std::io::Result<Part> {
    let mut file = File::open(path)?;
    file.seek(SeekFrom::Start(from as u64))?;
    let mut file = file.take((to - from) as u64);
    let mut part = Part {
        ledger: BulkLedger::with_capacity(capacity),
        rejected: vec![],
        lines: 0,
    };
    let mut buffer = vec![0_u8; BLOCK];
    // Bytes of an unfinished line at the start of `buffer`.
    let mut kept = 0;
    loop {
        if kept == buffer.len() {
            buffer.resize(buffer.len() * 2, 0);
        }
        let n = file.read(&mut buffer[kept..])?;
        if n == 0 {
            // The last line (empty after a final line end), as `split` gives it.
            read_lines(&mut part, &buffer[..kept], layout, mode);
            return Ok(part);
        }
        let filled = kept + n;
        let Some(last) = buffer[kept..filled].iter().rposition(|&b| b == b'\n') else {
            kept = filled;
            continue;
        };
        let last = kept + last;
        if read_lines(&mut part, &buffer[..last], layout, mode) {
            return Ok(part);
        }
        buffer.copy_within(last + 1..filled, 0);
        kept = filled - last - 1;
    }
}

fn merge_parts(parts: Vec<Part>, mode: IngestMode, threads: usize) -> Result<Ingest> {
    // Absolute line numbers: the body starts on line 2.
    let mut first_line = 2;
    let mut result = Ingest::default();
    let mut ledgers = Vec::with_capacity(parts.len());
    for part in parts {
        push_rejected(&mut result.rejected, part.rejected, first_line, mode)?;
        first_line += part.lines.saturating_sub(1);
        ledgers.push(part.ledger);
    }
    let mut ledgers = ledgers.into_iter();
    if let Some(first) = ledgers.next() {
        result.ledger = first.concat(ledgers.collect(), threads)?;
    }
    Ok(result)
}

/// The columns of the format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Unit,
    Function,
    Economic,
    Kind,
    Source,
    Amount,
}

pub(crate) const MAX_COLUMNS: usize = 6;

/// Bytes below which a file is read on one thread (small in tests, so that they cover the
/// split and the merge).
const MIN_BYTES_PER_THREAD: usize = if cfg!(test) { 64 } else { 1 << 20 };

/// Where each column is in a row.
#[derive(Debug, Clone, Copy)]
struct Layout {
    count: usize,
    unit: usize,
    function: usize,
    economic: Option<usize>,
    kind: usize,
    source: usize,
    amount: usize,
    unit_exponent: u32,
}

fn column_of(name: &str) -> Option<(Column, Option<Unit>)> {
    let name = name.trim();
    let lower = name.to_ascii_lowercase();
    Some(match lower.as_str() {
        "unit" | "单位" | "单位编码" | "单位代码" | "预算单位" => {
            (Column::Unit, None)
        }
        "function" | "功能分类" | "功能分类科目" | "支出功能分类" | "支出功能分类科目" => {
            (Column::Function, None)
        }
        "economic" | "经济分类" | "经济分类科目" | "部门预算支出经济分类" => {
            (Column::Economic, None)
        }
        "kind" | "支出类型" => (Column::Kind, None),
        "source" | "资金来源" | "收入来源" => (Column::Source, None),
        "amount" | "金额" => (Column::Amount, None),
        "金额（元）" | "金额(元)" | "amount_yuan" => (Column::Amount, Some(Unit::Yuan)),
        "金额（万元）" | "金额(万元)" | "amount_wan_yuan" => {
            (Column::Amount, Some(Unit::WanYuan))
        }
        _ => return None,
    })
}

fn header_error(problem: CsvHeaderProblem) -> Error {
    Error::CsvHeader { problem }
}

fn layout(header: &[u8], unit: Unit) -> Result<Layout> {
    let text = std::str::from_utf8(header).map_err(|_| header_error(CsvHeaderProblem::NotUtf8))?;
    let mut fields = [&[][..]; MAX_COLUMNS];
    let count = split_fields(text.as_bytes(), &mut fields)
        .map_err(|reason| header_error(CsvHeaderProblem::Fields(reason)))?;
    let mut found: [Option<usize>; MAX_COLUMNS] = [None; MAX_COLUMNS];
    for (i, field) in fields[..count].iter().enumerate() {
        let name = String::from_utf8_lossy(field);
        let Some((column, stated)) = column_of(&name) else {
            return Err(header_error(CsvHeaderProblem::UnknownColumn(
                name.into_owned(),
            )));
        };
        if let Some(stated) = stated.filter(|s| *s != unit) {
            return Err(header_error(CsvHeaderProblem::UnitDisagrees {
                stated: stated.symbol(),
                given: unit.symbol(),
            }));
        }
        let slot = &mut found[column as usize];
        if slot.is_some() {
            return Err(header_error(CsvHeaderProblem::DuplicateColumn(
                name.into_owned(),
            )));
        }
        *slot = Some(i);
    }
    let need = |column: Column, name: &'static str| {
        found[column as usize].ok_or_else(|| header_error(CsvHeaderProblem::MissingColumn(name)))
    };
    Ok(Layout {
        count,
        unit: need(Column::Unit, "单位")?,
        function: need(Column::Function, "功能分类")?,
        economic: found[Column::Economic as usize],
        kind: need(Column::Kind, "支出类型")?,
        source: need(Column::Source, "资金来源")?,
        amount: need(Column::Amount, "金额")?,
        unit_exponent: unit.yuan_exponent(),
    })
}

/// Splits one line (without its line end) into at most [`MAX_COLUMNS`] fields.
pub(crate) fn split_fields<'a>(
    line: &'a [u8],
    out: &mut [&'a [u8]; MAX_COLUMNS],
) -> std::result::Result<usize, RowRejection> {
    let mut n = 0;
    let mut i = 0;
    loop {
        let Some(slot) = out.get_mut(n) else {
            return Err(RowRejection::TooManyFields { max: MAX_COLUMNS });
        };
        n += 1;
        let rest = line.get(i..).unwrap_or_default();
        if rest.first() == Some(&b'"') {
            let inner = &rest[1..];
            let Some(close) = inner.iter().position(|&b| b == b'"') else {
                return Err(RowRejection::UnclosedQuote { field: n });
            };
            *slot = &inner[..close];
            i += close + 2;
            match line.get(i) {
                None => return Ok(n),
                Some(b',') => i += 1,
                Some(_) => {
                    return Err(RowRejection::TextAfterQuote { field: n });
                }
            }
        } else {
            let end = rest.iter().position(|&b| b == b',').unwrap_or(rest.len());
            let field = &rest[..end];
            if field.contains(&b'"') {
                return Err(RowRejection::QuoteInField { field: n });
            }
            *slot = field;
            if end == rest.len() {
                return Ok(n);
            }
            i += end + 1;
        }
    }
}

fn trim(field: &[u8]) -> &[u8] {
    field.trim_ascii()
}

fn text(field: &[u8]) -> std::result::Result<&str, RowRejection> {
    std::str::from_utf8(field).map_err(|_| RowRejection::NotUtf8)
}

/// A field's parse error as the reason of its line.
fn bad_field(error: Error) -> RowRejection {
    RowRejection::BadField {
        error: error.into(),
    }
}

fn parse_unit(field: &[u8]) -> std::result::Result<UnitId, RowRejection> {
    let digits = field.strip_prefix("单位".as_bytes()).unwrap_or(field);
    let bad = || RowRejection::BadUnit {
        text: String::from_utf8_lossy(field).into_owned(),
    };
    if digits.is_empty() || digits.len() > 10 || !digits.iter().all(u8::is_ascii_digit) {
        return Err(bad());
    }
    let value = digits
        .iter()
        .fold(0_u64, |v, &d| v * 10 + u64::from(d - b'0'));
    u32::try_from(value).map(UnitId).map_err(|_| bad())
}

/// Digits without a leading zero as a number, when they are exactly `len` of them.
fn plain_code(field: &[u8], len: usize) -> Option<u32> {
    if field.len() != len || field.first() == Some(&b'0') || !field.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(field.iter().fold(0, |v, &d| v * 10 + u32::from(d - b'0')))
}

fn parse_function(field: &[u8]) -> std::result::Result<FunctionCode, RowRejection> {
    if let Some(code) = plain_code(field, 7).and_then(FunctionCode::from_u32) {
        return Ok(code);
    }
    text(field)?.parse().map_err(bad_field)
}

fn parse_economic(
    field: &[u8],
) -> std::result::Result<Option<DepartmentEconomicCode>, RowRejection> {
    if field.is_empty() {
        return Ok(None);
    }
    if let Some(code) = plain_code(field, 5).and_then(DepartmentEconomicCode::from_u32) {
        return Ok(Some(code));
    }
    text(field)?.parse().map(Some).map_err(bad_field)
}

fn parse_named<T: Copy + std::str::FromStr<Err = Error>>(
    field: &[u8],
    all: &[T],
    name: impl Fn(T) -> &'static str,
) -> std::result::Result<T, RowRejection> {
    if let Some(&found) = all.iter().find(|&&v| name(v).as_bytes() == field) {
        return Ok(found);
    }
    text(field)?.parse().map_err(bad_field)
}

/// The strict amount grammar's plainest form, `[+-](0|[1-9][0-9]*)[.[0-9]+]` with at most 18
/// digits, as (mantissa, scale); `None` for anything else, which then goes through
/// [`parse_amount`]. A proptest shows that whatever this accepts, `parse_amount` reads the same.
pub(crate) fn fast_amount(field: &[u8]) -> Option<(i64, u32)> {
    let (negative, unsigned) = match field.first()? {
        b'-' => (true, &field[1..]),
        b'+' => (false, &field[1..]),
        _ => (false, field),
    };
    let (integer, fraction) = match unsigned.iter().position(|&b| b == b'.') {
        Some(dot) => (&unsigned[..dot], &unsigned[dot + 1..]),
        None => (unsigned, &[][..]),
    };
    let has_dot = integer.len() < unsigned.len();
    if integer.is_empty()
        || (has_dot && fraction.is_empty())
        || integer.len() + fraction.len() > 18
        || (integer.len() > 1 && integer[0] == b'0')
    {
        return None;
    }
    let mut mantissa = 0_i64;
    for &b in integer.iter().chain(fraction) {
        let digit = b.wrapping_sub(b'0');
        if digit > 9 {
            return None;
        }
        mantissa = mantissa * 10 + i64::from(digit);
    }
    let scale = fraction.len() as u32;
    Some((if negative { -mantissa } else { mantissa }, scale))
}

fn parse_cents(field: &[u8], unit_exponent: u32) -> std::result::Result<i64, RowRejection> {
    let (mantissa, scale, exponent) = match fast_amount(field) {
        Some((m, s)) => (i128::from(m), s, unit_exponent),
        None => {
            let printed = parse_amount(text(field)?).map_err(bad_field)?;
            let exponent = printed.unit.map_or(unit_exponent, Unit::yuan_exponent);
            (printed.value.mantissa(), printed.value.scale(), exponent)
        }
    };
    to_cents(mantissa, scale, exponent).map_err(|e| {
        let text = String::from_utf8_lossy(field).into_owned();
        match e {
            CentsError::TooPrecise => RowRejection::FinerThanFen { text },
            CentsError::Overflow => RowRejection::AmountOutOfRange { text },
        }
    })
}

/// Reads one row, already split into `count` fields, into `ledger`, or says why not.
fn read_row(
    fields: &[&[u8]; MAX_COLUMNS],
    count: usize,
    layout: &Layout,
    ledger: &mut BulkLedger,
) -> std::result::Result<(), RowRejection> {
    if count != layout.count {
        return Err(RowRejection::FieldCount {
            found: count,
            header: layout.count,
        });
    }
    let unit = parse_unit(trim(fields[layout.unit]))?;
    let function = parse_function(trim(fields[layout.function]))?;
    let economic = match layout.economic {
        Some(i) => parse_economic(trim(fields[i]))?,
        None => None,
    };
    let kind = parse_named(
        trim(fields[layout.kind]),
        ExpenditureKind::ALL,
        ExpenditureKind::name,
    )?;
    let source = parse_named(
        trim(fields[layout.source]),
        IncomeSource::ALL,
        IncomeSource::name,
    )?;
    let cents = parse_cents(trim(fields[layout.amount]), layout.unit_exponent)?;
    let keys = LineKeys {
        unit,
        function,
        economic,
        kind,
        source,
    };
    if let Some(reason) = row_problem(keys) {
        return Err(RowRejection::LedgerRule { reason });
    }
    ledger
        .push_checked(keys, cents)
        .map_err(|what| RowRejection::Full { what })
}

/// [`expenditure_problem`] of a line whose amount is a whole number of 分 (every amount
/// [`parse_cents`] returns is): its one amount rule (at most 2 decimals) holds for any such
/// amount, so the line is checked with a zero amount and no `Decimal` is built per row. A
/// property test checks it equals `expenditure_problem` with the row's own amount.
pub(crate) fn row_problem(keys: LineKeys) -> Option<LedgerReason> {
    expenditure_problem(&ExpenditureItem {
        unit: keys.unit,
        function: keys.function,
        economic: keys.economic,
        kind: keys.kind,
        source: keys.source,
        amount: Decimal::ZERO,
    })
}

/// The next line of `bytes` from `start`: where it ends (its `\n` or the end of `bytes`)
/// and, when it has no quote and at most [`MAX_COLUMNS`] fields, its fields (`\r` before
/// the line end left out). `None` sends the line to [`split_fields`], the exact definition;
/// a property test checks that whatever this splits, `split_fields` splits the same.
///
/// One pass, one comparison for most bytes: digits, `.` and every byte of a Chinese name are
/// above `,`, and `\n`, `"` and `,` are the only bytes at or below it that matter.
pub(crate) fn scan_line<'a>(
    bytes: &'a [u8],
    start: usize,
    fields: &mut [&'a [u8]; MAX_COLUMNS],
) -> (usize, Option<usize>) {
    let mut commas = [0_usize; MAX_COLUMNS];
    let mut n = 0;
    let mut plain = true;
    let mut end = bytes.len();
    for (i, &b) in bytes.iter().enumerate().skip(start) {
        if b > b',' {
            continue;
        }
        match b {
            b'\n' => {
                end = i;
                break;
            }
            b',' => {
                if let Some(slot) = commas.get_mut(n) {
                    *slot = i;
                    n += 1;
                } else {
                    plain = false;
                }
            }
            b'"' => plain = false,
            _ => {}
        }
    }
    if !plain || n >= MAX_COLUMNS {
        return (end, None);
    }
    let line_end = if end > start && bytes[end - 1] == b'\r' {
        end - 1
    } else {
        end
    };
    let mut from = start;
    for (slot, &comma) in fields.iter_mut().zip(&commas[..n]) {
        *slot = &bytes[from..comma];
        from = comma + 1;
    }
    // A `\r` right before a comma is inside a field, as in `split_fields`; only the line's
    // last `\r` is its line end. `from` is at most `line_end` unless the line is one `\r`
    // after a comma, which cannot be: a comma after it would be the line's last byte.
    fields[n] = bytes.get(from..line_end).unwrap_or_default();
    (end, Some(n + 1))
}

/// What one thread read from its part of the file.
struct Part {
    ledger: BulkLedger,
    /// Rejected rows with line numbers relative to the part's first line (0-based).
    rejected: Vec<(usize, RowRejection)>,
    /// Lines in the part.
    lines: usize,
}

fn read_part(bytes: &[u8], layout: &Layout, mode: IngestMode, capacity: usize) -> Part {
    let mut part = Part {
        ledger: BulkLedger::with_capacity(capacity),
        rejected: vec![],
        lines: 0,
    };
    read_lines(&mut part, bytes, layout, mode);
    part
}

/// Reads the lines of `bytes.split(|&b| b == b'\n')` into `part`, one pass over the bytes;
/// `true` when it stopped at a bad row ([`IngestMode::FailFast`]).
fn read_lines(part: &mut Part, bytes: &[u8], layout: &Layout, mode: IngestMode) -> bool {
    let mut start = 0;
    loop {
        let mut fields = [&[][..]; MAX_COLUMNS];
        let (end, plain) = scan_line(bytes, start, &mut fields);
        let index = part.lines;
        part.lines += 1;
        let line = &bytes[start..end];
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if !line.is_empty() {
            let count = match plain {
                Some(count) => Ok(count),
                None => split_fields(line, &mut fields),
            };
            let read = count.and_then(|count| read_row(&fields, count, layout, &mut part.ledger));
            if let Err(reason) = read {
                part.rejected.push((index, reason));
                if mode == IngestMode::FailFast {
                    return true;
                }
            }
        }
        if end == bytes.len() {
            return false;
        }
        start = end + 1;
    }
}

/// `bytes` cut into about `n` pieces at line ends.
fn split_at_lines(bytes: &[u8], n: usize) -> Vec<&[u8]> {
    let mut pieces = vec![];
    let mut start = 0;
    for i in 1..n {
        let target = (bytes.len() * i / n).max(start);
        let Some(newline) = bytes
            .get(target..)
            .and_then(|r| r.iter().position(|&b| b == b'\n'))
        else {
            break;
        };
        let end = target + newline + 1;
        pieces.push(&bytes[start..end]);
        start = end;
    }
    pieces.push(bytes.get(start..).unwrap_or_default());
    pieces
}

/// [`ingest_csv`] on `threads` threads (0: every core).
pub(crate) fn ingest_on(input: &[u8], options: CsvOptions, threads: usize) -> Result<Ingest> {
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let header_end = input
        .iter()
        .position(|&b| b == b'\n')
        .unwrap_or(input.len());
    let header = &input[..header_end];
    let layout = layout(header.strip_suffix(b"\r").unwrap_or(header), options.unit)?;
    let body = input.get(header_end + 1..).unwrap_or_default();

    let threads = parallel::threads(threads)
        .min(body.len() / MIN_BYTES_PER_THREAD)
        .max(1);
    let pieces = split_at_lines(body, threads);
    let ranges = (0..pieces.len()).map(|i| i..i + 1).collect();
    // Room for every row up front, so no column grows and copies while rows come in: the
    // first part's columns will hold the whole file (the others are copied in after it).
    // Lines of this format are rarely under 48 bytes; a shorter file only grows once more.
    let rows_in = |bytes: usize| bytes / 48 + 1;
    let parts = parallel::map(ranges, |r| {
        let capacity = if r.start == 0 {
            rows_in(body.len())
        } else {
            rows_in(pieces[r.start].len())
        };
        read_part(pieces[r.start], &layout, options.mode, capacity)
    });

    merge_parts(parts, options.mode, threads)
}

fn push_rejected(
    all: &mut Vec<RejectedRow>,
    rejected: Vec<(usize, RowRejection)>,
    first_line: usize,
    mode: IngestMode,
) -> Result<()> {
    for (index, reason) in rejected {
        let line = first_line + index;
        if mode == IngestMode::FailFast {
            return Err(Error::CsvLine { line, reason });
        }
        all.push(RejectedRow { line, reason });
    }
    Ok(())
}
