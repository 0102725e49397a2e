//! The configuration a command runs with.

use std::path::{Path, PathBuf};

use super::input::shown;
use super::output::report_error;
use crate::config::{Config, ConfigProblem};

/// The configuration: `--config FILE`, else the nearest `copydesk.toml` from
/// the current folder up, else the defaults. Any problem with it is reported
/// (file, line, key) and stops the command: a desk's settings are never
/// silently replaced by the defaults.
pub(crate) fn load_config(explicit: Option<&Path>, verb: &str) -> Result<Config, ()> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => {
            let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
            match Config::find_file(&cwd) {
                Some(p) => p,
                None => return Ok(Config::default()),
            }
        }
    };
    let shown = if explicit.is_some() {
        path.clone()
    } else {
        PathBuf::from(shown(&path))
    };
    match crate::checks::load_config(&path) {
        Ok(c) => Ok(c),
        Err(mut e) => {
            e.path = Some(shown.clone());
            match &e.problem {
                ConfigProblem::Read(io) => report_error(format_args!(
                    "cannot read configuration {}: {io}; nothing {verb}",
                    shown.display()
                )),
                _ => report_error(format_args!("{e}; nothing {verb}")),
            }
            Err(())
        }
    }
}
