use fiscal_cn::*;
fn main() {
    let d: Disclosure =
        serde_json::from_str(include_str!("data/putuo_finance_bureau_2024.json")).unwrap();
    let p = Policy::default();
    let n: u32 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2000);
    let mut k = 0;
    for _ in 0..n {
        k += check(&d, &p).findings.len();
    }
    println!("{k}");
}
