//! One integration-test binary: each area adds its `mod` line here.

mod rules_files;
