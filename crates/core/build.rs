//! Packs the embedded data files (`data/names-model.bin`, `data/gazetteer.txt`) with
//! `src/pack.rs` into `$OUT_DIR`, where `entities::names` embeds them: the wasm the page
//! downloads holds them in about 30 KB less (gzipped) than the plain files. The files in `data/`
//! are untouched; every build checks that unpacking gives them back byte for byte.

#[allow(dead_code, missing_docs)]
#[path = "src/pack.rs"]
mod pack;

/// Where the weight rows of each model in a model file start (see `MODEL.md`: a file holds
/// models back to back, each `APNM`, version, feature count `n`, …, ending in `n` rows of 9
/// weights). Only a hint for the packer: a wrong guess costs bytes, never correctness.
fn weight_rows(data: &[u8]) -> Vec<u32> {
    const HEAD: &[u8; 8] = b"APNM\x02\0\0\0";
    let starts: Vec<usize> = (0..data.len().saturating_sub(12))
        .filter(|&i| &data[i..i + 8] == HEAD)
        .collect();
    let mut rows = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(data.len());
        let n = u32::from_le_bytes([data[s + 8], data[s + 9], data[s + 10], data[s + 11]]) as usize;
        if let Some(r) = end.checked_sub(n * 9).filter(|&r| r > s) {
            rows.push(r as u32);
        }
    }
    rows
}

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=src/pack.rs");
    for name in ["names-model.bin", "gazetteer.txt"] {
        let path = format!("data/{name}");
        println!("cargo:rerun-if-changed={path}");
        let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        // The model's weight rows are 9 bytes (one per tag); the gazetteer is text.
        let packed = if name.ends_with(".bin") {
            pack::pack(&data, 9, &weight_rows(&data))
        } else {
            pack::pack(&data, 0, &[])
        };
        assert!(
            pack::unpack(&packed).as_deref() == Some(&data[..]),
            "{path}: packing is not lossless"
        );
        std::fs::write(format!("{out}/{name}.pack"), packed).expect("write to OUT_DIR");
    }
}
