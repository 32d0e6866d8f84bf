//! Which site a state belongs to. Two sites of a tenants directory must
//! never share one, and a path or URL can be spelled many ways (a database
//! reached by several addresses, a socket, `hostaddr=`; a file through a
//! bind mount): the state itself says whose it is. The first site to open
//! it writes its domain; any other is refused.

use super::Store;
use super::db::args;

impl Store {
    /// Refuses the state unless it is `domain`'s; an unclaimed state
    /// becomes `domain`'s when `claim` (a command that writes), and is
    /// only read otherwise.
    pub(crate) fn belongs_to(&self, domain: &str, claim: bool) -> anyhow::Result<()> {
        // An older schema has no owner yet: its first writer migrates it.
        if self.schema_version()? < super::migrations::SITE_OWNER_FROM {
            return Ok(());
        }
        let owner: Option<String> =
            self.conn
                .query_row("SELECT min(site) FROM site_owner", args![], |row| row.get(0))?;
        match owner {
            Some(owner) if owner == domain => Ok(()),
            Some(owner) => Err(crate::exit_codes::bad_input(format!(
                "state {} is site {owner}'s, not {domain}'s: two sites never share a state; \
                 give {domain} its own",
                self.path.display()
            ))),
            None if claim => {
                let tx = self.conn.begin()?;
                let taken: Option<String> =
                    tx.query_row("SELECT min(site) FROM site_owner", args![], |row| row.get(0))?;
                if taken.is_none() {
                    tx.execute("INSERT INTO site_owner (site) VALUES (?1)", args![domain])?;
                }
                tx.commit()?;
                // Another site may have claimed it between the two looks.
                self.belongs_to(domain, false)
            }
            None => Ok(()),
        }
    }
}
