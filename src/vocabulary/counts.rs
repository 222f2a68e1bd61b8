//! What a printed count counts (`接待12批次`, `购置公务用车2辆`, `出国团组3个`), from the
//! words before it, its unit and what the sentence around it has said.
//!
//! The narrative reader and the transcription importer both name their counts here; the words
//! of each kind of count are the rows below, so a new wording is a new word in a row.

use crate::narrative::scan::split_numbering;
use crate::report::{Countable, ReceptionKind, VehicleType, VehicleUse};
use crate::vocabulary::reason::UnparsedReason;
use crate::vocabulary::words::{
    DEPARTMENT_WORDS, FOREIGN_WORDS, after_year, focus, han_prefix, is_generic, name_end,
};

/// Words saying vehicles were bought in the year.
const PURCHASE_WORDS: &[&str] = &["购置", "购买", "新增"];
/// Words saying vehicles are held (at the year's end).
const HOLDING_WORDS: &[&str] = &["共有", "保有", "实有", "车辆", "公务用车"];
/// Words that say guests were received (公务接待): `接待`, or the guests themselves (`来宾`,
/// `来访团组`), unless they are the public a unit serves ([`SERVED_PUBLIC_WORDS`]).
const RECEPTION_WORDS: &[&str] = &["接待", "来宾", "宾客", "来访"];
/// The public a unit receives in its work (`接待读者`, `接待游客`, `接待来访群众`; not
/// `来访团组`, official visitors): such a reception is no 公务接待.
const SERVED_PUBLIC_WORDS: &[&str] = &[
    "读者", "游客", "观众", "群众", "信访", "患者", "病人", "学生", "参观", "咨询", "办事",
];

/// Words that make a count of vehicles a quota, an earlier state or the books' figure.
const VEHICLE_OTHER_STATE_WORDS: &[&str] = &[
    "编制",
    "核定",
    "定编",
    "配备标准",
    "改革前",
    "调整前",
    "车改前",
    "账面",
];
/// Words saying receptions were of domestic guests.
const DOMESTIC_WORDS: &[&str] = &["国内"];
/// Words saying people went abroad.
const OVERSEAS_WORDS: &[&str] = &["出国", "出境"];
/// The units large equipment is counted in.
const EQUIPMENT_UNITS: &[&str] = &["台（套）", "台", "套"];
/// Words naming a kind of project the department's 绩效 work counts.
const PROJECT_KIND_WORDS: &[&str] = &["特定目标类", "特定类目标"];

/// Measure words that come between a number and the thing it counts (`8个二级事业单位`,
/// `3项制度`, `5所学校`), so that the words right after the measure word name what is counted.
/// Persons, times and sessions (`人`, `名`, `人次`, `批次`, `次`, `期`, `场`) are left out:
/// the words after them are most often a verb (`45人参加培训`).
const MEASURE_WORDS: &[&str] = &["个", "项", "所", "家", "户", "条", "件", "台", "套", "辆"];

/// The nouns that end the name of a thing counted after its measure word: organisations,
/// their parts, places and projects (`二级事业单位`, `内设处室`, `高速公路支队`, `教学班`). The
/// name ends with the first of them, so that a verb or a clause after it is left out
/// (`5个部门是…`, `62个部门晒出…`); words naming none are not taken for a name.
const COUNTED_HEADS: &[&str] = &[
    "单位",
    "机构",
    "部门",
    "处室",
    "科室",
    "股室",
    "办公室",
    "委员会",
    "小组",
    "中心",
    "支队",
    "大队",
    "中队",
    "学校",
    "高校",
    "幼儿园",
    "医院",
    "班",
    "项目",
    "指标",
    "企业",
    "公司",
    "省份",
    "镇街",
    "街道",
    "乡镇",
    "社区",
    "村庄",
    "村",
    "户",
    "站",
    "所",
    "科",
    "室",
    "局",
    "队",
];

/// The words by which a count is of each member of a set: `每` (`每个`, `每一个`) before the
/// name of things counted by [`COUNTED_HEADS`], or `各` before one followed by `分别`, `均`
/// (`各委员会分别下设`, `每个科室`,
/// `每所学校`; a name of two to six characters, as [`counted_after`] takes), from the marker
/// to the head. `各` before anything else distributes a listing
/// (`收、支总计各1200万元`), `每` before a time (`每年`) says how often, and `各` of members
/// that have something together (`各预算单位共有`, `各预算单位…的`) gives a total: none is
/// one.
fn per_member(label: &str) -> Option<&str> {
    ["每一个", "每个", "各", "每"].iter().find_map(|marker| {
        label.match_indices(marker).find_map(|(at, _)| {
            let rest = &label[at + marker.len()..];
            let rest = MEASURE_WORDS
                .iter()
                .find_map(|m| rest.strip_prefix(m))
                .unwrap_or(rest);
            name_end(han_prefix(rest), COUNTED_HEADS, 2..=6)
                // `各委员会分别下设`, `各科室均有`: `各` of members each doing so;
                // `所属各预算单位共有车辆1辆`, `各单位的`: all of them together.
                .filter(|&end| {
                    marker.starts_with('每')
                        || EACH_WORDS.iter().any(|w| rest[end..].starts_with(w))
                })
                .map(|end| &label[at..label.len() - rest.len() + end])
        })
    })
}

/// Words right after the name of things counted that say what state they are in (`3个项目已
/// 开工`, `4个项目正在推进`, `2个单位未公开`, `18家单位没有公车`): only those in it are counted.
const STATE_WORDS: &[&str] = &["已", "正在", "尚未", "未", "仍", "均已", "没有", "无"];

/// Why a count printed as `N` + `unit` + `words_after` counts only the things in some state
/// (`1个项目已完工，3个项目已开工`, `2个部门无出国计划`): some of them, not all.
pub(crate) fn in_a_state(unit: &str, words_after: &str) -> Option<UnparsedReason> {
    let name = counted_after(unit, words_after)?;
    let after = &words_after[name.len()..];
    // `98个中央部门已有33个部门晒出…`: `已有` begins what the whole counted has.
    let state = STATE_WORDS
        .iter()
        .find(|w| after.starts_with(*w) && !after[w.len()..].starts_with('有'))?;
    Some(UnparsedReason::CountInAState {
        words: format!("{name}{state}…"),
    })
}

/// Words right after `各` and the members named that make what follows each one's.
const EACH_WORDS: &[&str] = &["分别", "均", "都", "各"];

/// What a count printed as `N` + `unit` + `words_after` counts when the thing follows its
/// measure word (`8个二级事业单位16个…` counts 二级事业单位): the Chinese characters right after
/// the unit, up to the first noun of [`COUNTED_HEADS`] that makes a name of two characters or
/// more. `None` when the unit is no measure word of [`MEASURE_WORDS`], when no such name
/// follows, or when the words go on with `的` (`31个省份的财政收入`: the count only says whose
/// the thing named after is).
pub(crate) fn counted_after<'a>(unit: &str, words_after: &'a str) -> Option<&'a str> {
    if !MEASURE_WORDS.contains(&unit) {
        return None;
    }
    let stop = words_after
        .char_indices()
        .find(|&(_, c)| !crate::narrative::scan::is_han(c) || "的和及与或".contains(c));
    if stop.is_some_and(|(_, c)| c == '的') {
        return None;
    }
    let run = &words_after[..stop.map_or(words_after.len(), |(at, _)| at)];
    COUNTED_HEADS
        .iter()
        .filter_map(|head| {
            // The first place the head ends a name of two characters or more.
            run.match_indices(head)
                .map(|(at, _)| at + head.len())
                .find(|&end| run[..end].chars().count() >= 2)
        })
        .min()
        .map(|end| &run[..end])
}

/// The kinds of staff posts (编制) a department's posts are split into, longest first where
/// one ends another (`参照公务员法管理事业编制` is not `事业编制`).
const STAFF_KINDS: &[&str] = &[
    "参照公务员法管理事业",
    "参照公务员法管理",
    "全额拨款事业",
    "差额拨款事业",
    "自收自支事业",
    "机关工勤",
    "行政",
    "事业",
    "工勤",
    "参公",
];

/// Words counting the staff a unit actually has, of no kind of their own (`实有人数`,
/// `在编人员`).
const ACTUAL_STAFF_WORDS: &[&str] = &[
    "实有人数",
    "实有人员",
    "实有在编人数",
    "实际在编人数",
    "在编人数",
    "在编人员",
    "在职人数",
    "在职人员",
    "在岗人数",
    "实有",
    "在编",
];

/// Whether a count of persons (`人`, `名`) is of the people of a thing its words name (`综合科1人`,
/// `财务股2人`, `贫困户39人`: a section's or households' people), not a count of that thing.
pub(crate) fn persons_of_a_thing(label: &str, unit: &str) -> bool {
    let words = focus(label).trim().trim_end_matches(['为', '共', '有']);
    matches!(unit, "人" | "名")
        && (COUNTED_HEADS.iter().any(|head| words.ends_with(head)) || words.ends_with('股'))
}

/// The kind of posts a count of posts names (`行政编制5人` → `行政`, `事业编制人数30人` →
/// `事业`); `None` for posts of no kind (`编制人数35人`, `核定编制`) and for other counts.
pub(crate) fn staff_kind(label: &str) -> Option<&'static str> {
    let words = focus(label).trim();
    let (before, _) = words.rsplit_once("编制")?;
    STAFF_KINDS.iter().copied().find(|k| before.ends_with(k))
}

/// Whether a count's words say only that it counts the staff actually in post (`实有人数`,
/// `，在编人员`), so that the kind of posts counted just before it is also its kind
/// (`行政编制5人，实有人数5人；事业编制30人，实有人数25人`).
pub(crate) fn counts_actual_staff(label: &str) -> bool {
    let words = focus(label)
        .trim()
        .trim_end_matches(['为', '共', '是'])
        .trim_start_matches("其中");
    ACTUAL_STAFF_WORDS.contains(&words)
}

/// How the vehicles of a sentence are being counted: one count names the way, and the types
/// listed after it (`其中轿车1辆、越野车1辆`) are counted the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum VehicleCounting {
    /// Bought in the year (`购置公务用车2辆`).
    Purchased,
    /// Held at the year's end (`公务用车保有量5辆`).
    Held,
    /// Held, listed by use (the 国有资产 section's `车辆12辆，其中…`).
    ByUse,
}

/// What surrounds a count, for [`count_named`].
///
/// Built with [`CountSetting::new`] and the `with_*` methods; every field defaults to "not
/// known", which makes the naming more cautious, never wrong.
#[derive(Debug, Clone, Copy, Default)]
#[non_exhaustive]
pub struct CountSetting<'a> {
    /// The words right after the figure (`5个项目` counts projects).
    pub words_after: &'a str,
    /// The whole sentence, to tell whether it also speaks of foreign receptions.
    pub sentence: &'a str,
    /// The receptions the sentence's subject is about (`国内公务接待费…，接待12批次`).
    pub subject_reception: Option<ReceptionKind>,
    /// The sentence's subject is the count of overseas groups (`出国团组3个，共15人`).
    pub after_overseas_groups: bool,
    /// The count stands in the 国有资产 section, which lists vehicles by use.
    pub assets_section: bool,
    /// The count stands in a 绩效 section, whose projects are the department's.
    pub performance_section: bool,
    /// How the sentence's vehicles were counted so far; [`count_named`] updates it when a
    /// count names the way.
    pub vehicles: Option<VehicleCounting>,
}

impl<'a> CountSetting<'a> {
    /// A setting where nothing around the count is known.
    pub fn new() -> Self {
        Self::default()
    }

    /// The words right after the figure.
    #[must_use]
    pub fn with_words_after(mut self, words: &'a str) -> Self {
        self.words_after = words;
        self
    }

    /// The sentence the count stands in.
    #[must_use]
    pub fn with_sentence(mut self, sentence: &'a str) -> Self {
        self.sentence = sentence;
        self
    }

    /// Whether the count stands in the 国有资产 section.
    #[must_use]
    pub fn in_assets_section(mut self, yes: bool) -> Self {
        self.assets_section = yes;
        self
    }

    /// Whether the count stands in a 绩效 section.
    #[must_use]
    pub fn in_performance_section(mut self, yes: bool) -> Self {
        self.performance_section = yes;
        self
    }
}

/// What [`count_named`] makes of a count.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CountNaming {
    /// One of the counts disclosures standardise.
    Count(Countable),
    /// Some things of a kind the words single out (`参加其他单位组织的出国团组`, `其他项目`,
    /// `评级为“良”的项目`): a count of its own, best described in its own words.
    OfItsOwn,
    /// The words name none of the standard counts.
    Unnamed,
    /// The words name a standard count but leave open which one; the reason says why.
    Undecided(UnparsedReason),
}

/// What the count printed after `label` in `unit` counts (`接待批次` and `个`, `公务用车` and
/// `辆`).
///
/// Receptions are domestic unless named foreign, except that a sentence also speaking of
/// foreign receptions leaves an unnamed one undecided (it may be both together); vehicles are
/// bought or held as the words or the sentence's earlier vehicle count say, and by use in the
/// 国有资产 section.
///
/// ```
/// use fiscal_cn::report::{Countable, ReceptionKind, VehicleType};
/// use fiscal_cn::vocabulary::{CountNaming, CountSetting, count_named};
///
/// let mut setting = CountSetting::new();
/// assert_eq!(
///     count_named("全年接待批次", "个", &mut setting),
///     CountNaming::Count(Countable::ReceptionBatches(ReceptionKind::Domestic))
/// );
/// // The way the first vehicle count names carries to the types listed after it.
/// let mut setting = CountSetting::new();
/// count_named("购置公务用车", "辆", &mut setting);
/// assert_eq!(
///     count_named("其中轿车", "辆", &mut setting),
///     CountNaming::Count(Countable::VehiclesPurchased(Some(VehicleType::Sedan)))
/// );
/// assert_eq!(count_named("参加其他单位组织的出国团组", "个", &mut CountSetting::new()),
///     CountNaming::OfItsOwn);
/// ```
pub fn count_named(label: &str, unit: &str, setting: &mut CountSetting<'_>) -> CountNaming {
    if let Some(words) = per_member(label) {
        return CountNaming::Undecided(UnparsedReason::CountPerMember {
            words: words.to_owned(),
        });
    }
    if let Some(reason) = in_a_state(unit, setting.words_after) {
        return CountNaming::Undecided(reason);
    }
    let words = focus(label);
    let has = |list: &[&str]| list.iter().any(|w| words.contains(w));
    // What is counted may be named before the figure: `接待批次40个`, `接待人次500人`.
    // `接待到馆读者30087人次`: receiving the public a unit serves is its work, not 公务接待.
    let says_reception = has(RECEPTION_WORDS) && !has(SERVED_PUBLIC_WORDS);
    // `接待国内来访团组15个`: the groups received are the batches.
    let batches = words.ends_with("批次") || says_reception && words.ends_with("团组");
    let unit = if batches && matches!(unit, "个" | "次" | "批") {
        "批次"
    } else if ["人次", "人数"].iter().any(|w| words.ends_with(w))
        && matches!(unit, "人" | "名" | "人次")
    {
        "人次"
    } else {
        unit
    };
    let reception = |says_reception: bool| -> Result<Option<ReceptionKind>, UnparsedReason> {
        if has(FOREIGN_WORDS) {
            return Ok(Some(ReceptionKind::Foreign));
        }
        if has(DOMESTIC_WORDS) {
            return Ok(Some(ReceptionKind::Domestic));
        }
        // Words of its own that are not about receptions: not a reception count.
        let says_nothing = words.is_empty() || is_generic(words);
        if !(says_reception || says_nothing) {
            return Ok(None);
        }
        if let Some(kind) = setting.subject_reception {
            return Ok(Some(kind));
        }
        if !says_reception {
            return Ok(None);
        }
        // `接待…320人次（其中外事接待30人次）`: the total of both, which no count stands for.
        if FOREIGN_WORDS.iter().any(|w| setting.sentence.contains(w)) {
            return Err(UnparsedReason::ReceptionOfEitherKind {
                unit: unit.to_owned(),
            });
        }
        Ok(Some(ReceptionKind::Domestic))
    };
    let reception_count = |says: bool, count: fn(ReceptionKind) -> Countable| match reception(says)
    {
        Ok(Some(kind)) => Some(CountNaming::Count(count(kind))),
        Ok(None) => None,
        Err(reason) => Some(CountNaming::Undecided(reason)),
    };
    match unit {
        "批次" => {
            let says = says_reception || words.is_empty();
            if let Some(naming) = reception_count(says, Countable::ReceptionBatches) {
                return naming;
            }
        }
        "人次" | "人" | "名" => {
            if has(OVERSEAS_WORDS) && !of_a_kind(words, "出") {
                return CountNaming::Count(Countable::OverseasPersons);
            }
            if let Some(naming) = reception_count(says_reception, Countable::ReceptionPersons) {
                return naming;
            }
            if words.is_empty() && setting.after_overseas_groups {
                return CountNaming::Count(Countable::OverseasPersons);
            }
        }
        "辆" => return vehicle_count(words, setting),
        // `单位价值200万元以上大型设备0台`: equipment above another value than the 100万元
        // the disclosures count is a count of its own.
        _ if EQUIPMENT_UNITS.contains(&unit) && label.contains("设备") => {
            // `安排购置单价100万元以上设备0台（套）`: equipment bought (a budget's plan), not
            // held; and equipment above another value than the 100万元 the disclosures count.
            if has(PURCHASE_WORDS) || label.contains("万元") && !label.contains("100万元") {
                return CountNaming::OfItsOwn;
            }
            return CountNaming::Count(Countable::LargeEquipment);
        }
        _ => {}
    }
    if words.contains("团组") && !says_reception {
        // `参加其他单位组织的出国团组0个`: groups of a kind.
        if of_a_kind(words, "团组") {
            return CountNaming::OfItsOwn;
        }
        return CountNaming::Count(Countable::OverseasGroups);
    }
    // `其他项目0个`: a remainder of what was counted before, a thing of its own.
    let (_, unnumbered) = split_numbering(words);
    if unnumbered.starts_with("其他") || unnumbered.starts_with("其它") {
        return CountNaming::OfItsOwn;
    }
    // `共采购项目473个`, `服务类采购项目148个`: procurements, counted in their own terms, not
    // the department's projects.
    if words.contains("采购") {
        return CountNaming::OfItsOwn;
    }
    // `绩效评级为“良”的项目0个`, `编报绩效目标的项目28个`: projects of some kind.
    if of_a_kind(words, "项目") {
        return CountNaming::OfItsOwn;
    }
    if (unit == "个" || unit == "项")
        && (setting.words_after.starts_with("项目")
            || words.ends_with("项目")
            || has(PROJECT_KIND_WORDS)
            || (words.contains("项目")
                && setting.performance_section
                // `本项目设置绩效指标8个`: the project's indicators, a thing named after it.
                && !COUNTED_HEADS
                    .iter()
                    .any(|head| *head != "项目" && words.ends_with(head))))
    {
        return CountNaming::Count(Countable::Projects);
    }
    CountNaming::Unnamed
}

fn vehicle_count(words: &str, setting: &mut CountSetting<'_>) -> CountNaming {
    let has = |list: &[&str]| list.iter().any(|w| words.contains(w));
    // `实有车辆编制5辆`, `改革前车辆保有量为56辆`, `账面数为56辆`: a quota, an earlier state or
    // the books, not the vehicles bought or held in the year.
    if has(VEHICLE_OTHER_STATE_WORDS) {
        return CountNaming::OfItsOwn;
    }
    if let Some(vehicle_use) = VehicleUse::ALL.iter().find(|u| words.contains(u.name())) {
        setting.vehicles = Some(VehicleCounting::ByUse);
        return CountNaming::Count(Countable::VehiclesByUse(Some(*vehicle_use)));
    }
    let named_counting = if has(PURCHASE_WORDS) {
        Some(VehicleCounting::Purchased)
    } else if has(HOLDING_WORDS) {
        // The 国有资产 section lists vehicles by use; so do texts that say 车辆 and not the
        // 三公 section's 公务用车.
        let by_use =
            setting.assets_section || words.contains("车辆") && !words.contains("公务用车");
        Some(if by_use {
            VehicleCounting::ByUse
        } else {
            VehicleCounting::Held
        })
    } else {
        None
    };
    let vehicle_type = [
        VehicleType::Sedan,
        VehicleType::OffRoad,
        VehicleType::Passenger,
    ]
    .into_iter()
    .find(|t| words.contains(t.name()));
    match (vehicle_type, named_counting.or(setting.vehicles)) {
        (Some(t), Some(VehicleCounting::Purchased)) => {
            CountNaming::Count(Countable::VehiclesPurchased(Some(t)))
        }
        (Some(t), Some(VehicleCounting::Held | VehicleCounting::ByUse)) => {
            CountNaming::Count(Countable::VehiclesHeld(Some(t)))
        }
        (Some(_), None) => CountNaming::Undecided(UnparsedReason::VehiclesBoughtOrHeld),
        (None, Some(counting)) if named_counting.is_some() => {
            setting.vehicles = Some(counting);
            CountNaming::Count(match counting {
                VehicleCounting::Purchased => Countable::VehiclesPurchased(None),
                VehicleCounting::Held => Countable::VehiclesHeld(None),
                VehicleCounting::ByUse => Countable::VehiclesByUse(None),
            })
        }
        _ => CountNaming::Undecided(UnparsedReason::UnknownVehicleCount),
    }
}

/// Whether the words before `noun` in `focus` single out some of its kind with a clause of
/// their own (`参加其他单位组织的出国团组`, `评级为“良”的项目`), not the department's whole
/// count (`本单位的出国团组`).
fn of_a_kind(focus: &str, noun: &str) -> bool {
    let Some(at) = focus.find(noun) else {
        return false;
    };
    let Some(of) = focus[..at].rfind('的') else {
        return false;
    };
    let (_, qualifier) = split_numbering(&focus[..of]);
    let qualifier = after_year(qualifier.trim());
    !qualifier.is_empty()
        && !DEPARTMENT_WORDS.contains(&qualifier)
        && !["本年度", "本年", "全年"].contains(&qualifier)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A count of each member of a set is declined; `各` distributing a listing and `每` of a
    /// time are not of members.
    #[test]
    fn counts_of_each_member() {
        assert_eq!(per_member("各委员会分别下设"), Some("各委员会"));
        assert_eq!(per_member("其中每个科室配备"), Some("每个科室"));
        assert_eq!(per_member("每所学校"), Some("每所学校"));
        assert_eq!(per_member("收、支总计各"), None);
        assert_eq!(per_member("每年接待"), None);
        assert_eq!(per_member("接待批次和人次各为"), None);
        assert_eq!(per_member("本单位所属各预算单位共有车辆"), None);
        assert_eq!(
            per_member("所属各预算单位开支财政拨款的公务用车保有量为"),
            None
        );
        assert_eq!(per_member("各科室均配备"), Some("各科室"));
        assert!(matches!(
            named("各委员会分别下设", "个"),
            CountNaming::Undecided(UnparsedReason::CountPerMember { .. })
        ));
    }

    #[test]
    fn the_thing_counted_after_a_measure_word() {
        assert_eq!(
            counted_after("个", "二级事业单位16个"),
            Some("二级事业单位")
        );
        assert_eq!(counted_after("个", "科室参与预算编制"), Some("科室"));
        assert_eq!(counted_after("所", "学校，"), Some("学校"));
        assert_eq!(counted_after("个", "部门晒出部门决算"), Some("部门"));
        // Organs of a congress or a committee, and working groups.
        assert_eq!(
            counted_after("个", "专门委员会，各委员会"),
            Some("专门委员会")
        );
        assert_eq!(counted_after("个", "工作小组"), Some("工作小组"));
        // A head noun alone of one character is no name (`3个村` stays unnamed).
        assert_eq!(counted_after("个", "村，"), None);
        // `N个X的Y`, a verb, persons and no head noun: nothing named.
        assert_eq!(counted_after("个", "科室的人员经费"), None);
        assert_eq!(counted_after("个", "增至5个"), None);
        assert_eq!(counted_after("人", "工作人员"), None);
        assert_eq!(counted_after("台", "安可电脑"), None);
    }

    fn named(label: &str, unit: &str) -> CountNaming {
        count_named(label, unit, &mut CountSetting::new())
    }

    fn count(c: Countable) -> CountNaming {
        CountNaming::Count(c)
    }

    /// Receptions: named foreign or domestic, else as the subject was, else domestic unless
    /// the sentence also speaks of foreign ones.
    #[test]
    fn receptions() {
        use ReceptionKind::{Domestic, Foreign};
        assert_eq!(
            named("外事接待", "批次"),
            count(Countable::ReceptionBatches(Foreign))
        );
        assert_eq!(
            named("接待", "人次"),
            count(Countable::ReceptionPersons(Domestic))
        );
        assert_eq!(
            named("共接待人次", "人"),
            count(Countable::ReceptionPersons(Domestic))
        );
        let mut setting = CountSetting::new().with_sentence("接待客人80人次（其中外宾接待5人次）");
        assert!(matches!(
            count_named("接待客人", "人次", &mut setting),
            CountNaming::Undecided(_)
        ));
        let mut setting = CountSetting {
            subject_reception: Some(Foreign),
            ..CountSetting::new()
        };
        assert_eq!(
            count_named("", "批次", &mut setting),
            count(Countable::ReceptionBatches(Foreign))
        );
        // Words of their own about something else: no reception count.
        assert_eq!(named("培训学员", "人次"), CountNaming::Unnamed);
        // The groups received are the batches, and the guests (`来宾`) the persons received.
        assert_eq!(
            named("共接待国内来访团组", "个"),
            count(Countable::ReceptionBatches(Domestic))
        );
        assert_eq!(
            named("、来宾", "人次"),
            count(Countable::ReceptionPersons(Domestic))
        );
        // Groups going abroad are no reception; the public a unit serves neither.
        assert_eq!(named("出访团组", "个"), count(Countable::OverseasGroups));
        assert_eq!(named("接待来访群众", "人次"), CountNaming::Unnamed);
    }

    /// Vehicles: the way one count names carries to the types after it; 车辆 without 公务用车
    /// and the 国有资产 section count by use.
    #[test]
    fn the_public_served_is_no_official_reception() {
        assert_eq!(named("共接待到馆读者", "人次"), CountNaming::Unnamed);
        assert_eq!(named("接待来访群众", "人次"), CountNaming::Unnamed);
        assert_eq!(
            named("接待", "人次"),
            count(Countable::ReceptionPersons(ReceptionKind::Domestic))
        );
    }

    #[test]
    fn vehicles() {
        // A quota, an earlier state or the books' figure is a count of its own.
        for words in ["实有车辆编制", "改革前车辆保有量为", "车辆保有量账面数为"]
        {
            assert_eq!(named(words, "辆"), CountNaming::OfItsOwn, "{words}");
        }
        assert_eq!(
            named("实际保有量为", "辆"),
            count(Countable::VehiclesHeld(None))
        );
        let mut setting = CountSetting::new();
        assert_eq!(
            count_named("年末公务用车保有量", "辆", &mut setting),
            count(Countable::VehiclesHeld(None))
        );
        assert_eq!(
            count_named("越野车", "辆", &mut setting),
            count(Countable::VehiclesHeld(Some(VehicleType::OffRoad)))
        );
        assert_eq!(
            named("新增公务用车", "辆"),
            count(Countable::VehiclesPurchased(None))
        );
        assert_eq!(
            named("共有车辆", "辆"),
            count(Countable::VehiclesByUse(None))
        );
        let mut assets = CountSetting::new().in_assets_section(true);
        assert_eq!(
            count_named("公务用车", "辆", &mut assets),
            count(Countable::VehiclesByUse(None))
        );
        assert!(matches!(named("轿车", "辆"), CountNaming::Undecided(_)));
    }

    /// Groups, persons abroad, equipment and projects, and those of a kind of their own.
    #[test]
    fn other_counts() {
        assert_eq!(
            named("因公出国团组", "个"),
            count(Countable::OverseasGroups)
        );
        assert_eq!(
            named("本单位的出国团组", "个"),
            count(Countable::OverseasGroups)
        );
        assert_eq!(named("参加上级组织的出国团组", "个"), CountNaming::OfItsOwn);
        assert_eq!(named("因公出境", "人次"), count(Countable::OverseasPersons));
        assert_eq!(
            named("单位价值100万元以上设备", "台（套）"),
            count(Countable::LargeEquipment)
        );
        assert_eq!(named("单位价值50万元以上设备", "台"), CountNaming::OfItsOwn);
        // Equipment bought (a budget's plan) is not the equipment held.
        assert_eq!(
            named("安排购置单价100万元以上设备", "台（套）"),
            CountNaming::OfItsOwn
        );
        assert_eq!(named("共涉及项目", "个"), count(Countable::Projects));
        assert_eq!(named("自评等级为优的项目", "个"), CountNaming::OfItsOwn);
        assert_eq!(named("其他项目", "个"), CountNaming::OfItsOwn);
        assert_eq!(named("本年度共采购项目", "个"), CountNaming::OfItsOwn);
        assert_eq!(named("服务类采购项目", "个"), CountNaming::OfItsOwn);
        let mut after = CountSetting::new().with_words_after("项目，涉及资金");
        assert_eq!(
            count_named("共", "个", &mut after),
            count(Countable::Projects)
        );
        assert_eq!(named("办公用房", "间"), CountNaming::Unnamed);
    }
}
