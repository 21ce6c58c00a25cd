//! The listing model: what a day opportunity is.

pub mod clock;
pub mod enquiry;
pub mod event;
pub mod fields;
pub mod listing;
pub mod money;
pub mod phone;
pub mod taxonomy;
pub mod validate;
pub mod web_address;

pub use clock::{ClockTime, Session};
pub use event::{Audience, Booking, Event, EventKind, EventListing, EventPlace};
pub use fields::{TextError, TextRule};
pub use listing::{
    Contact, Cost, Directory, Eligibility, Listing, Location, Organisation, Service, Vacancy,
    format_pounds,
};
pub use money::{MoneyError, Pence};
pub use phone::{PhoneError, PhoneNumber};
pub use taxonomy::{
    AccessFeature, CostKind, DayPart, JoinRoute, Kind, Need, Term, Tier, VacancyStatus, Weekday,
};
pub use web_address::{WebAddress, WebAddressError};
