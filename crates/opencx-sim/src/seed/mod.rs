//! Seed data: what a fresh simulator holds (`demo`, `empty`, `scale:N`), and the stable ids
//! of the demo organisation.

mod demo;
mod scale;

use crate::config::Seed;
use crate::store::State;

pub use demo::{
    directory_id, segment_id, training_id, training_keys, DIRECTORIES, MISSING_SEGMENT_KEY,
    SEGMENTS,
};

/// Builds the state a seed describes. `random_seed` varies the `scale` data.
pub fn build(seed: Seed, random_seed: u64) -> State {
    match seed {
        Seed::Empty => State::default(),
        Seed::Demo => demo::build(),
        Seed::Scale(n) => scale::build(n, random_seed),
    }
}

/// SplitMix64: a tiny generator whose output never changes between versions (ids depend
/// on it).
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A UUID v4 that is always the same for the same name.
fn stable_uuid(name: &str) -> String {
    // FNV-1a over the name, then two SplitMix64 steps for 128 bits.
    let mut hash: u64 = 0xCBF2_9CE4_8422_2325;
    for byte in name.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01B3);
    }
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&splitmix(&mut hash).to_le_bytes());
    bytes[8..].copy_from_slice(&splitmix(&mut hash).to_le_bytes());
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_uuids_are_v4_and_repeat() {
        let a = stable_uuid("x");
        assert_eq!(a, stable_uuid("x"));
        assert_ne!(a, stable_uuid("y"));
        let parsed = uuid::Uuid::parse_str(&a).unwrap();
        assert_eq!(parsed.get_version_num(), 4);
    }

    #[test]
    fn empty_is_empty() {
        assert_eq!(build(Seed::Empty, 1), State::default());
    }
}
