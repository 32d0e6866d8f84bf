//! `state info|check` and `config check`.

use super::{Output, json, out, table};
use crate::ops::config_check::ConfigCheckReport;
use crate::ops::state::StateInfo;

pub(crate) fn state_info(info: &StateInfo, output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(info);
    }
    let mut text = format!(
        "path: {}\nkind: {}\nschema version: {}{}\nsize: {} bytes\nlink key: {} ({})\n",
        info.path.display(),
        info.kind.as_str(),
        info.schema_version,
        match (&info.migrated_by, &info.migrated_at) {
            (Some(by), Some(at)) => format!(" (migrated by {by} at {at})"),
            _ if info.schema_version < info.latest_schema_version => format!(
                " (this publik's is {}: `publik state upgrade` migrates it)",
                info.latest_schema_version
            ),
            _ => String::new(),
        },
        info.size_bytes,
        info.link_key.path.display(),
        if info.link_key.present {
            "present"
        } else {
            "not created yet"
        }
    );
    let rows = info
        .tables
        .iter()
        .map(|t| vec![t.table.clone(), t.rows.to_string()])
        .collect();
    text.push_str(&table(&["table", "rows"], rows));
    Ok(out(&text)?)
}

/// `state migrate`: the counts compared, table by table.
pub(crate) fn state_migrate(report: &crate::ops::state::MigrateReport, output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(report);
    }
    let rows = report
        .tables
        .iter()
        .map(|t| vec![t.table.to_string(), t.source.to_string(), t.target.to_string()])
        .collect();
    let mut text = format!("copied {} into {}\n", report.from.display(), report.to.display());
    text.push_str(&table(&["table", "source", "copy"], rows));
    Ok(out(&text)?)
}

/// `state check`: silent when all is well (cron), each problem otherwise.
pub(crate) fn state_check(
    report: &crate::ops::state::StateCheckReport,
    output: Output,
) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(report);
    }
    // With --all-tenants, each line names its site.
    let site = crate::thread_tenant::tenant()
        .map(|t| format!("{t}: "))
        .unwrap_or_default();
    let mut text = String::new();
    for problem in &report.problems {
        text.push_str(&format!("{site}{}: {}\n", problem.kind, problem.detail));
    }
    Ok(out(&text)?)
}

pub(crate) fn config_check(report: &ConfigCheckReport, output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(report);
    }
    let mut text = match &report.config_file {
        Some(path) => format!("# config: {}\n", path.display()),
        None => "# config: built-in defaults (no config file found)\n".to_string(),
    };
    text.push_str(&crate::yaml::to_string(&report.settings)?);
    for check in &report.checks {
        for warning in &check.warnings {
            text.push_str(&format!("# warning: {}: {warning}\n", check.channel));
        }
        for note in &check.notes {
            text.push_str(&format!("# {}: {note}\n", check.channel));
        }
        if let Some(found) = &check.connect {
            text.push_str(&format!("# {}: ok: {found}\n", check.channel));
        }
        if let Some(error) = &check.error {
            text.push_str(&format!("# {}: FAILED: {error}\n", check.channel));
        }
    }
    Ok(out(&text)?)
}

pub(crate) fn tenants(sites: &[crate::ops::tenant::TenantInfo], output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(sites);
    }
    let rows = sites
        .iter()
        .map(|s| {
            vec![
                s.domain.clone(),
                s.dir.display().to_string(),
                if s.has_config { "yes" } else { "no" }.to_string(),
                match (s.has_state, s.state.is_server()) {
                    (_, true) => s.state.shown().display().to_string(),
                    (true, false) => "yes".to_string(),
                    (false, false) => "no".to_string(),
                },
            ]
        })
        .collect();
    Ok(out(&table(&["tenant", "directory", "config", "state"], rows))?)
}

pub(crate) fn tenant_checks(
    checks: &[crate::ops::tenant::TenantCheck],
    output: Output,
) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(checks);
    }
    let mut text = String::new();
    for check in checks {
        match &check.error {
            None => text.push_str(&format!("{}: ok\n", check.domain)),
            Some(error) => text.push_str(&format!("{}: FAILED: {error}\n", check.domain)),
        }
    }
    Ok(out(&text)?)
}

/// `state restore`: where the state came from and where the one it
/// replaced went (said also in text: a restore is run by hand).
pub(crate) fn state_restored(restored: &crate::store::Restored, output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return super::json(restored);
    }
    let mut text = format!(
        "restored {} from {} (schema {})",
        restored.state.display(),
        restored.backup.display(),
        restored.schema_version
    );
    if let Some(replaced) = &restored.replaced {
        text.push_str(&format!(
            "; the state it replaced is kept as {}",
            replaced.display()
        ));
    }
    Ok(super::out(&text)?)
}
