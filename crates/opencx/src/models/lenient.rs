//! Serde helpers for tolerant decoding: an explicit `null` where the documentation promises a
//! string, list or object is read as the empty value instead of failing the whole answer.

use serde::{Deserialize, Deserializer};

/// Reads `null` as `T::default()`; use with `#[serde(default, deserialize_with = ...)]` so a
/// missing key is the default too.
pub(crate) fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}
