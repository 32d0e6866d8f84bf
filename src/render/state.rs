//! `state info|check` and `config check`.

use super::{Output, json, out, table};
use crate::ops::check::CheckReport;
use crate::ops::state::StateInfo;

pub(crate) fn state_info(info: &StateInfo, output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(info);
    }
    let mut text = format!(
        "path: {}\nschema version: {}\nsize: {} bytes\nlink key: {} ({})\n",
        info.path.display(),
        info.schema_version,
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

/// `state check`: silent when all is well (cron), each problem otherwise.
pub(crate) fn state_check(report: &crate::ops::state::CheckReport, output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(report);
    }
    let mut text = String::new();
    for problem in &report.problems {
        text.push_str(&format!("{}: {}\n", problem.kind, problem.detail));
    }
    Ok(out(&text)?)
}

pub(crate) fn check_report(report: &CheckReport, output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(report);
    }
    let mut text = match &report.config_file {
        Some(path) => format!("# config: {}\n", path.display()),
        None => "# config: built-in defaults (no config file found)\n".to_string(),
    };
    text.push_str(&serde_yaml::to_string(&report.settings)?);
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
