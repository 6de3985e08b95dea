//! The integration tests, one crate with a module per area: each runs the real binary on real
//! files (or the library on its tables), sharing the helpers of `common`.

mod bad_input;
mod bodies;
mod checks_slips;
mod cli;
mod common;
mod datapackage;
mod desk;
mod desk_order;
mod febrl_generic;
mod ingest_formats;
mod layouts;
mod link_synth;
mod links;
mod local_tables;
mod names_data;
mod names_keys_table;
mod names_measure;
mod names_parse_table;
mod names_props;
mod names_roots_table;
mod names_same_person;
mod nightly;
mod notes;
mod ops_exit;
mod ops_ids;
mod ops_kill;
mod ops_report;
mod ops_sqlite;
mod postgres;
mod postgres_failures;
mod report_xlsx;
mod run_invariants;
mod sample;
mod serve;
