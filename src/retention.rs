//! How long Dayfinder keeps what people tell it: one place that the privacy notice
//! (`app/src/pages/privacy.rs`) and the purge (`Engine::purge_problem_reports`) both read,
//! so the page never promises what the server does not do.

/// Hours a problem report's scrambled client address (a keyed hash) is kept: as long
/// as the limit on reports per client needs it.
pub const REPORT_CLIENT_HASH_HOURS: i64 = 1;

/// Days after a problem report is closed that the reporter's email or phone is erased
/// (the report itself, and what it said, are kept).
pub const REPORT_CONTACT_DAYS_AFTER_CLOSING: i64 = 90;

/// Days an email the site sent (its address and words) is kept after it was sent, or
/// after the site gave up trying (`crate::outbox`).
pub const EMAIL_DAYS_AFTER_SENDING: i64 = 7;

/// Months after an enquiry's last step (sent, answered, closed) that the asker's name,
/// contact details, note and the messages are erased; what it was about is kept, with
/// nothing that identifies anyone (`crate::enquiries`). A council's profile may set its
/// own (`[enquiries] keep_months`).
pub const ENQUIRY_MONTHS_AFTER_LAST_STEP: u32 = 6;

/// Days after a council editor decides a request to manage a provider's listings (or,
/// if its email address was never confirmed, after it was made) that the request, with
/// the name, work email and job it gave, is deleted (`crate::accounts::claims`).
pub const CLAIM_DAYS_AFTER_DECISION: i64 = 30;
