//! The README states the defaults and exit codes the code has.

use super::{EXIT_CODES, InputError, Status, exit_code, run};
use clap::{Args, Command};
use rehab::link::LinkOptions;
use std::collections::BTreeSet;
use std::process::ExitCode;

const README: &str = include_str!("../../README.md");

/// The lines of the README section that starts with the heading `heading`.
fn section(heading: &str) -> Vec<&'static str> {
    README
        .lines()
        .skip_while(|l| l.trim() != heading)
        .skip(1)
        .take_while(|l| !l.starts_with('#'))
        .collect()
}

#[test]
fn the_exit_codes_of_the_readme_are_those_of_the_code_and_of_help() {
    let table: BTreeSet<u8> = section("### Exit codes")
        .iter()
        .filter_map(|l| l.strip_prefix("| ")?.split(' ').next()?.parse().ok())
        .collect();
    let help: BTreeSet<u8> = EXIT_CODES
        .lines()
        .filter_map(|l| {
            l.strip_prefix("  ")?
                .split_whitespace()
                .next()?
                .parse()
                .ok()
        })
        .collect();
    assert_eq!(table, BTreeSet::from([0, 1, 2, 3]));
    assert_eq!(help, table);
    assert_eq!(exit_code(Ok(Status::Success)), ExitCode::SUCCESS);
    assert_eq!(exit_code(Ok(Status::TooManyRejects)), ExitCode::from(1));
    assert_eq!(exit_code(Ok(Status::SourcesShrank)), ExitCode::from(1));
    let input = anyhow::Error::new(InputError("no such person".into()));
    assert_eq!(exit_code(Err(input)), ExitCode::from(2));
    assert_eq!(
        exit_code(Err(anyhow::anyhow!("disk full"))),
        ExitCode::from(3)
    );
}

#[test]
fn the_linkage_defaults_of_the_readme_are_those_of_the_code() {
    let defaults = LinkOptions::default();
    let config: Vec<(&str, f64)> = README
        .lines()
        .skip_while(|l| !l.starts_with("[link]"))
        .skip(1)
        .take_while(|l| !l.starts_with("```"))
        .filter_map(|l| {
            let (key, rest) = l.split_once('=')?;
            Some((key.trim(), rest.split('#').next()?.trim().parse().ok()?))
        })
        .collect();
    let expected = [
        ("threshold", defaults.threshold),
        ("lone_threshold", defaults.lone_threshold),
        ("max_disagreement", defaults.max_disagreement),
        ("review_low", defaults.review_low),
        ("review_high", defaults.review_high),
    ];
    assert_eq!(config, expected);
    let window = format!(
        "blocks above {} mentions are compared within a sliding window of {}",
        defaults.max_block, defaults.window
    );
    let prose = README.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(prose.contains(&window), "README lacks {window:?}");
}

#[test]
fn the_reject_ratio_default_of_the_readme_is_that_of_the_command() {
    let command = run::Args::augment_args(Command::new("run"));
    let arg = command
        .get_arguments()
        .find(|a| a.get_id() == "max_reject_ratio")
        .expect("rehab run has --max-reject-ratio");
    let default = arg.get_default_values()[0].to_str().unwrap().to_string();
    let prose = README.split_whitespace().collect::<Vec<_>>().join(" ");
    let stated = format!("`--max-reject-ratio` (default {default})");
    assert!(prose.contains(&stated), "README lacks {stated:?}");
}
