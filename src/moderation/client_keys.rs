//! The keys that scramble a problem reporter's client address. A report keeps an
//! HMAC-SHA256 of the address, not a plain hash: a plain SHA-256 of an IP address is
//! undone by trying all four billion of them. Each window of [`REPORT_WINDOW`] has its
//! own random key, held only in this process's memory; a key is dropped once its window
//! and the next have passed, so a hash older than that can no longer be linked to anyone,
//! even by us. (With several site nodes each has its own keys, so a client's limit counts
//! per node.)

use std::sync::Mutex;

use hmac::{Hmac, Mac};
use jiff::Timestamp;
use sha2::Sha256;

use super::REPORT_WINDOW;

/// One window's key: the window's number (seconds since 1970 over the window) and 32
/// random bytes.
type WindowKey = (i64, [u8; 32]);

/// The keys of the current and the previous window.
#[derive(Debug, Default)]
pub struct ClientKeys {
    keys: Mutex<Vec<WindowKey>>,
}

impl ClientKeys {
    /// The hashes a report from `client` at `at` may carry: the one to keep (under this
    /// window's key, made now if need be) first, then the previous window's, whose
    /// reports still count against the limit.
    pub fn hashes(&self, client: &str, at: Timestamp) -> crate::Result<Vec<String>> {
        let window = window_of(at);
        let mut keys = self.keys.lock().unwrap_or_else(|e| e.into_inner());
        keys.retain(|(w, _)| *w >= window - 1);
        if !keys.iter().any(|(w, _)| *w == window) {
            let mut key = [0u8; 32];
            getrandom::fill(&mut key)
                .map_err(|_| std::io::Error::other("the system gave no random bytes"))?;
            keys.push((window, key));
        }
        keys.sort_by_key(|(w, _)| std::cmp::Reverse(*w));
        Ok(keys
            .iter()
            .map(|(_, key)| keyed_hash(key, client))
            .collect())
    }

    /// Drops the keys no report made at `now` can need.
    pub fn forget_old(&self, now: Timestamp) {
        let window = window_of(now);
        self.keys
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|(w, _)| *w >= window - 1);
    }

    /// How many keys are held (for tests).
    pub fn len(&self) -> usize {
        self.keys.lock().unwrap_or_else(|e| e.into_inner()).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn window_of(at: Timestamp) -> i64 {
    at.as_second().div_euclid(REPORT_WINDOW.as_secs())
}

fn keyed_hash(key: &[u8; 32], client: &str) -> String {
    // Any key length is fine for HMAC, so this cannot fail.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key");
    mac.update(client.as_bytes());
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::Digest;

    fn at(hours: i64) -> Timestamp {
        // 1_800_000_000 s is a whole number of hours: each `hours` starts a window.
        Timestamp::from_second(1_800_000_000 + hours * 3600).unwrap()
    }

    #[test]
    fn the_kept_hash_is_not_a_plain_sha256_of_the_client() {
        let keys = ClientKeys::default();
        let kept = &keys.hashes("203.0.113.7", at(0)).unwrap()[0];
        for plain in [
            "203.0.113.7".to_string(),
            "problem-report:203.0.113.7".to_string(),
        ] {
            assert_ne!(kept, &format!("{:x}", Sha256::digest(plain.as_bytes())));
        }
        assert_eq!(kept.len(), 64);
    }

    #[test]
    fn within_a_window_one_client_has_one_hash_and_two_clients_two() {
        let keys = ClientKeys::default();
        let a = keys.hashes("client-a", at(0)).unwrap();
        assert_eq!(a, keys.hashes("client-a", at(0)).unwrap());
        assert_ne!(a[0], keys.hashes("client-b", at(0)).unwrap()[0]);
    }

    #[test]
    fn the_next_window_has_a_new_key_and_still_counts_the_last_one() {
        let keys = ClientKeys::default();
        let first = keys.hashes("client-a", at(0)).unwrap();
        let next = keys.hashes("client-a", at(1)).unwrap();
        assert_eq!(next.len(), 2);
        assert_ne!(next[0], first[0], "a new key");
        assert_eq!(next[1], first[0], "the last window's reports still count");
    }

    #[test]
    fn old_keys_are_dropped_so_old_hashes_cannot_be_made_again() {
        let keys = ClientKeys::default();
        let first = keys.hashes("client-a", at(0)).unwrap()[0].clone();
        keys.forget_old(at(2));
        assert!(keys.is_empty());
        let later = keys.hashes("client-a", at(2)).unwrap();
        assert!(!later.contains(&first));
    }
}
