//! The rows of the data tables handed from the thread that writes and checks the CSVs to the
//! thread that loads `rehab.sqlite`, so that each row is built once for both. Rows travel in
//! batches through a bounded channel, and emptied batches come back to be filled again, so the
//! hand-over holds a few batches at most and allocates nothing once they exist.

use super::row::Row;
use super::sqlite::{FillError, RowSource};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};

/// Rows in one batch.
const BATCH_ROWS: usize = 512;

/// Batches waiting to be loaded at most; the writer waits while this many are.
const WAITING: usize = 2;

/// Rows of one table, in order.
#[derive(Debug, Default)]
struct Batch {
    table: &'static str,
    rows: Vec<Row>,
    len: usize,
    /// Whether the table ends with this batch.
    last: bool,
}

/// The sending end: the CSV writer passes each row it wrote.
pub(crate) struct RowSender {
    full: SyncSender<Batch>,
    empty: Receiver<Batch>,
    current: Batch,
    /// Whether the loader still takes rows (it stops taking them when it fails).
    open: bool,
}

/// The receiving end: the rows for the database, table by table.
pub(crate) struct RowReceiver {
    full: Receiver<Batch>,
    empty: Sender<Batch>,
}

/// A connected sender and receiver.
pub(crate) fn channel() -> (RowSender, RowReceiver) {
    let (full_tx, full_rx) = mpsc::sync_channel(WAITING);
    let (empty_tx, empty_rx) = mpsc::channel();
    let sender = RowSender {
        full: full_tx,
        empty: empty_rx,
        current: Batch::default(),
        open: true,
    };
    let receiver = RowReceiver {
        full: full_rx,
        empty: empty_tx,
    };
    (sender, receiver)
}

impl RowSender {
    /// Passes a copy of a row of `table`.
    pub(crate) fn push(&mut self, table: &'static str, row: &Row) {
        if !self.open {
            return;
        }
        let batch = &mut self.current;
        batch.table = table;
        match batch.rows.get_mut(batch.len) {
            Some(slot) => slot.copy_from(row),
            None => batch.rows.push(row.clone()),
        }
        batch.len += 1;
        if batch.len == BATCH_ROWS {
            self.send(false);
        }
    }

    /// Marks the end of the rows of `table` (which may have none).
    pub(crate) fn end(&mut self, table: &'static str) {
        self.current.table = table;
        self.send(true);
    }

    fn send(&mut self, last: bool) {
        // A batch the loader has emptied, or a new one.
        let next = self.empty.try_recv().unwrap_or_default();
        let mut batch = std::mem::replace(&mut self.current, next);
        batch.last = last;
        self.current.len = 0;
        if self.open && self.full.send(batch).is_err() {
            self.open = false;
        }
    }
}

impl RowSource for RowReceiver {
    fn rows(
        &mut self,
        table: &str,
        each: &mut dyn FnMut(&Row) -> rusqlite::Result<()>,
    ) -> Result<(), FillError> {
        loop {
            let batch = self.full.recv().map_err(|_| FillError::Incomplete)?;
            if batch.table != table {
                return Err(FillError::Incomplete);
            }
            for row in &batch.rows[..batch.len] {
                each(row)?;
            }
            let last = batch.last;
            // The sender may be gone; the batch is then simply dropped.
            let _ = self.empty.send(batch);
            if last {
                return Ok(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Row {
        cells.iter().copied().collect()
    }

    #[test]
    fn rows_arrive_in_order_table_by_table() {
        let (mut sender, mut receiver) = channel();
        let loader = std::thread::spawn(move || {
            let mut seen = Vec::new();
            for table in ["persons", "mentions", "edges"] {
                receiver
                    .rows(table, &mut |r| {
                        seen.push((table, r.to_vec()));
                        Ok(())
                    })
                    .unwrap();
            }
            seen
        });
        let mut expected = Vec::new();
        for n in 0..(BATCH_ROWS * 3 + 7) {
            let cells = [format!("P{n}"), "x".repeat(n % 5)];
            sender.push("persons", &row(&[&cells[0], &cells[1]]));
            expected.push(("persons", cells.to_vec()));
        }
        sender.end("persons");
        sender.end("mentions");
        for n in 0..BATCH_ROWS {
            sender.push("edges", &row(&["merge", &n.to_string()]));
            expected.push(("edges", vec!["merge".to_string(), n.to_string()]));
        }
        sender.end("edges");
        assert_eq!(loader.join().unwrap(), expected);
    }

    #[test]
    fn a_sender_that_stops_early_ends_the_load_with_an_error() {
        let (mut sender, mut receiver) = channel();
        sender.push("persons", &row(&["P1"]));
        drop(sender);
        let mut count = 0;
        let result = receiver.rows("persons", &mut |_| {
            count += 1;
            Ok(())
        });
        assert!(matches!(result, Err(FillError::Incomplete)));
        assert_eq!(count, 0);
    }

    #[test]
    fn rows_of_another_table_are_an_error() {
        let (mut sender, mut receiver) = channel();
        sender.end("mentions");
        let result = receiver.rows("persons", &mut |_| Ok(()));
        assert!(matches!(result, Err(FillError::Incomplete)));
    }

    #[test]
    fn a_loader_that_fails_stops_taking_rows_without_blocking_the_writer() {
        let (mut sender, receiver) = channel();
        drop(receiver);
        for n in 0..BATCH_ROWS * (WAITING + 3) {
            sender.push("persons", &row(&[&n.to_string()]));
        }
        sender.end("persons");
        assert!(!sender.open);
    }
}
