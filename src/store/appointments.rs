//! Calendar appointments as last sent: what a new `gen-ics` for the same UID
//! is compared with to decide its SEQUENCE.

use super::Store;
use super::db::{DbResult, args};
use crate::clock::{self, Timestamp};

#[derive(Debug, Clone, PartialEq)]
pub struct Appointment {
    pub uid: String,
    pub sequence: u32,
    pub start: Timestamp,
    pub end: Timestamp,
    pub summary: String,
    pub location: Option<String>,
    pub cancelled: bool,
}

impl Store {
    pub fn appointment(&self, uid: &str) -> DbResult<Option<Appointment>> {
        self.conn.query_opt(
            "SELECT uid, sequence, start, \"end\", summary, location, status FROM appointments WHERE uid = ?1",
            args![uid],
            |row| {
                let start: String = row.get(2)?;
                let end: String = row.get(3)?;
                let status: String = row.get(6)?;
                Ok(Appointment {
                    uid: row.get(0)?,
                    sequence: row.get(1)?,
                    start: clock::from_db(&start).unwrap_or_default(),
                    end: clock::from_db(&end).unwrap_or_default(),
                    summary: row.get(4)?,
                    location: row.get(5)?,
                    cancelled: status == "cancelled",
                })
            },
        )
    }

    /// Records the appointment as just generated, unless another process
    /// raised its sequence meanwhile (then false: generate again).
    pub fn save_appointment(
        &mut self,
        appointment: &Appointment,
        previous_sequence: Option<u32>,
    ) -> DbResult<bool> {
        let now = clock::to_db(clock::now());
        let status = if appointment.cancelled {
            "cancelled"
        } else {
            "confirmed"
        };
        let tx = self.conn.begin()?;
        let current: Option<u32> = tx.query_opt(
            &format!(
                "SELECT sequence FROM appointments WHERE uid = ?1{}",
                tx.for_update()
            ),
            args![appointment.uid],
            |r| r.get(0),
        )?;
        if current != previous_sequence {
            return Ok(false);
        }
        // A new appointment another process saved meanwhile makes the
        // INSERT a no-op: then generate again, as for a raised sequence.
        let changed = tx.execute(
            "INSERT INTO appointments (uid, sequence, start, \"end\", summary, location, status, created_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) \
             ON CONFLICT (uid) DO UPDATE SET sequence = ?2, start = ?3, \"end\" = ?4, summary = ?5, location = ?6, \
             status = ?7, updated_at = ?8 WHERE ?9",
            args![
                appointment.uid,
                appointment.sequence,
                clock::to_db(appointment.start),
                clock::to_db(appointment.end),
                appointment.summary,
                appointment.location,
                status,
                now,
                current.is_some()
            ],
        )?;
        if changed == 0 {
            return Ok(false);
        }
        tx.commit()?;
        Ok(true)
    }
}
