//! The report's tables as Parquet files.

use std::fs::File;
use std::path::{Path, PathBuf};

use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use quotetrace::Report;

use crate::{frames, BatchError};

/// Writing the Parquet files failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ParquetError {
    /// The folder or a file could not be made or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The folder or file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// Parquet could not encode a table.
    #[error("{}: {source}", path.display())]
    Encode {
        /// The file.
        path: PathBuf,
        /// Parquet's error.
        source: parquet::errors::ParquetError,
    },
    /// A table could not be built.
    #[error(transparent)]
    Table(#[from] BatchError),
}

/// Writes the tables of [`frames`] into folder `dir` (made if missing), one Parquet file each
/// (`quotations.parquet`, `statements.parquet`, `variants.parquet`, `outlets.parquet`),
/// Snappy-compressed, in the schema of [`frames`]; returns the files' paths.
///
/// ```
/// use quotetrace::{Document, Tracker};
///
/// let mut tracker = Tracker::new();
/// tracker.add(Document::new("a", r#""Vladimir, STOP!" Trump wrote."#)).unwrap();
/// let dir = std::env::temp_dir().join(format!("quotetrace-doc-{}", std::process::id()));
/// let files = quotetrace_arrow::write_parquet(&tracker.report(), &dir).unwrap();
/// assert_eq!(files.len(), 4);
/// assert!(files.iter().all(|f| f.exists()));
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub fn write_parquet(report: &Report, dir: &Path) -> Result<Vec<PathBuf>, ParquetError> {
    std::fs::create_dir_all(dir).map_err(|source| ParquetError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let properties = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    let mut written = Vec::new();
    for (name, table) in frames(report)? {
        let path = dir.join(format!("{name}.parquet"));
        let file = File::create(&path).map_err(|source| ParquetError::Io {
            path: path.clone(),
            source,
        })?;
        let encode = |source| ParquetError::Encode {
            path: path.clone(),
            source,
        };
        let mut writer =
            ArrowWriter::try_new(file, table.schema(), Some(properties.clone())).map_err(encode)?;
        writer.write(&table).map_err(encode)?;
        writer.close().map_err(encode)?;
        written.push(path);
    }
    Ok(written)
}
