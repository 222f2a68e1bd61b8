//! [`EconomicCrosswalk::map_table`]: a table's department 经济分类 rows mapped to government ones.
//! The method lives with the table model so that the classification module does not depend on it.

use std::collections::HashSet;

use rust_decimal::Decimal;

use crate::Result;
use crate::classification::{DepartmentEconomicCode, EconomicCrosswalk, EconomicMapping, Level};

use super::{Column, RowKey, Table};

impl EconomicCrosswalk {
    /// Maps a table's department 款 rows (a 一般公共预算财政拨款基本支出表, say) in one column
    /// (see [`EconomicCrosswalk::map_amounts`]). The amounts are the printed cells, in the table's
    /// unit ([`Table::unit`]); a blank cell is left out, and a code printed on two rows counts
    /// once (its first row, as [`Table::row`] finds it). A 类 row is no input where the table
    /// prints any of its 款 in the column (they carry the amount); a 类 printed without its 款
    /// is, and so ends up in [`EconomicMapping::unmapped`] rather than being lost. Rows of other
    /// kinds, government economic rows included, are not inputs.
    ///
    /// ```
    /// use fiscal_cn::Decimal;
    /// use fiscal_cn::classification::EconomicCrosswalk;
    /// use fiscal_cn::money::Unit;
    /// use fiscal_cn::report::{Column, Row, RowKey, Table, TableKind};
    ///
    /// let mut table = Table::new(TableKind::BasicExpenditure, Unit::WanYuan);
    /// for (code, value) in [("301", 1500), ("30101", 1000), ("30103", 500)] {
    ///     table.rows.push(Row::new(RowKey::Economic(code.parse()?), "").with(Column::Amount, Decimal::new(value, 2)));
    /// }
    /// let mapping = EconomicCrosswalk::embedded().map_table(&table, Column::Amount)?;
    /// assert_eq!(mapping.get("50101".parse()?), Some(Decimal::new(1500, 2))); // 15.00 万元
    /// assert!(mapping.is_complete()); // the 类 row 301 is no input: its 款 are printed
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Overflow`](crate::Error::Overflow) when a sum exceeds what `Decimal` holds.
    pub fn map_table(&self, table: &Table, column: Column) -> Result<EconomicMapping> {
        // The first printed cell of each department code, in printed order.
        let mut seen = HashSet::new();
        let cells: Vec<(DepartmentEconomicCode, Decimal)> = table
            .rows
            .iter()
            .filter_map(|row| match row.key {
                RowKey::Economic(code) if seen.insert(code) => Some((code, row.get(column)?)),
                _ => None,
            })
            .collect();
        let broken_down: HashSet<DepartmentEconomicCode> = cells
            .iter()
            .filter(|(code, _)| code.level() == Level::Kuan)
            .map(|(code, _)| code.lei())
            .collect();
        self.map_amounts(
            cells
                .into_iter()
                .filter(|(code, _)| code.level() == Level::Kuan || !broken_down.contains(code)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classification::GovernmentEconomicCode;
    use crate::money::Unit;
    use crate::report::{Row, TableKind};

    fn dept(s: &str) -> DepartmentEconomicCode {
        s.parse().unwrap()
    }

    fn gov(s: &str) -> GovernmentEconomicCode {
        s.parse().unwrap()
    }

    #[test]
    fn a_table_maps_its_kuan_and_keeps_a_lei_printed_alone() {
        let mut table = Table::new(TableKind::BasicExpenditure, Unit::Yuan);
        let row =
            |key: RowKey, yuan: i64| Row::new(key, "").with(Column::Amount, Decimal::from(yuan));
        table.rows = vec![
            row(RowKey::Economic(dept("301")), 300),
            row(RowKey::Economic(dept("30101")), 200),
            row(RowKey::Economic(dept("30113")), 100),
            row(RowKey::Economic(dept("30101")), 999), // printed again: the first row counts
            row(RowKey::Economic(dept("303")), 40),    // no 款 of 303 printed: an input
            row(RowKey::GovernmentEconomic(gov("50101")), 200),
            Row::new(RowKey::Economic(dept("30102")), ""), // blank: no input
        ];
        let mapping = EconomicCrosswalk::embedded()
            .map_table(&table, Column::Amount)
            .unwrap();
        assert_eq!(mapping.get(gov("50101")), Some(Decimal::from(200)));
        assert_eq!(mapping.get(gov("50103")), Some(Decimal::from(100)));
        assert_eq!(mapping.get(gov("501")), Some(Decimal::from(300)));
        let unmapped: Vec<(u32, Decimal)> = mapping
            .unmapped()
            .iter()
            .map(|(c, v)| (c.as_u32(), *v))
            .collect();
        assert_eq!(unmapped, [(303, Decimal::from(40))]);
        // Another column: nothing printed, nothing mapped.
        let none = EconomicCrosswalk::embedded()
            .map_table(&table, Column::Total)
            .unwrap();
        assert_eq!(none, EconomicMapping::default());
    }

    #[cfg(feature = "serde")]
    #[test]
    fn a_government_economic_row_key_serializes_by_name() {
        let json = serde_json::to_string(&RowKey::GovernmentEconomic(gov("50101"))).unwrap();
        assert_eq!(json, r#"{"government_economic":"50101"}"#);
        assert_eq!(
            serde_json::from_str::<RowKey>(&json).unwrap(),
            RowKey::GovernmentEconomic(gov("50101"))
        );
    }
}
