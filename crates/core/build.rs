//! Packs the embedded data files (`data/names-model.bin`, `data/gazetteer.txt`) with
//! `src/pack.rs` into `$OUT_DIR`, where `entities::names` embeds them: the wasm the page
//! downloads holds them in about 30 KB less (gzipped) than the plain files. The files in `data/`
//! are untouched; every build checks that unpacking gives them back byte for byte.

#[allow(dead_code, missing_docs)]
#[path = "src/pack.rs"]
mod pack;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=src/pack.rs");
    // The model's weight rows are 9 bytes (one per tag); the gazetteer is text.
    for (name, stride) in [("names-model.bin", 9u8), ("gazetteer.txt", 0u8)] {
        let path = format!("data/{name}");
        println!("cargo:rerun-if-changed={path}");
        let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let packed = pack::pack(&data, stride);
        assert!(
            pack::unpack(&packed).as_deref() == Some(&data[..]),
            "{path}: packing is not lossless"
        );
        std::fs::write(format!("{out}/{name}.pack"), packed).expect("write to OUT_DIR");
    }
}
