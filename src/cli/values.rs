//! How the domain's choices read on the command line. The types live in
//! ops/, store/ and config/, which know nothing of clap; their names and
//! help texts for flags, completions and man pages are given here.

use clap::ValueEnum;
use clap::builder::PossibleValue;

use crate::config::Urgency;
use crate::ops::email::Priority;
use crate::ops::ics::Method;
use crate::ops::sms::ReceiptStatus;
use crate::queue_row::{Channel, Status};
use crate::store::{MailStatus, MemberStatus};

/// `ValueEnum` for a domain type: each variant, its name on the command
/// line, and optionally its help.
macro_rules! value_enum {
    ($type:ident { $($variant:ident => $name:literal $(, $help:literal)?;)* }) => {
        impl ValueEnum for $type {
            fn value_variants<'a>() -> &'a [Self] {
                &[$($type::$variant),*]
            }

            fn to_possible_value(&self) -> Option<PossibleValue> {
                Some(match self {
                    $($type::$variant => PossibleValue::new($name)$(.help($help))?,)*
                })
            }
        }
    };
}

value_enum!(Priority {
    High => "high";
    Normal => "normal";
    Low => "low";
});

value_enum!(ReceiptStatus {
    Delivered => "delivered";
    Undelivered => "undelivered";
    Expired => "expired";
});

value_enum!(Method {
    Publish => "publish", "A plain calendar file (no scheduling)";
    Request => "request", "An invitation (iMIP): needs an organizer";
    Cancel => "cancel", "Cancels an appointment generated before (same UID)";
});

value_enum!(Urgency {
    VeryLow => "very-low";
    Low => "low";
    Normal => "normal";
    High => "high";
});

value_enum!(MailStatus {
    Received => "received", "Harvested; nothing decided yet";
    Linked => "linked", "Turned into a request (external id sent to Maarch)";
    Rejected => "rejected", "Not for the platform";
    Responded => "responded", "The platform answered";
});

value_enum!(Status {
    Pending => "pending";
    Sending => "sending";
    Sent => "sent";
    Error => "error";
    Failed => "failed";
    Delivered => "delivered";
    Cancelled => "cancelled";
    Held => "held", "Held by the operator (queue hold): not sent until released";
});

value_enum!(Channel {
    Email => "email";
    Sms => "sms";
    Maarch => "maarch", "Reports back to Maarch Courrier (status changes, external ids)";
    Push => "push", "Web Push notifications";
});

value_enum!(MemberStatus {
    Active => "active";
    Unsubscribed => "unsubscribed";
    Bounced => "bounced";
});
