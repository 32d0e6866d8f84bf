//! PostgreSQL states (#19, in progress): the test server itself.

use crate::common;

#[test]
fn a_test_server_starts_answers_and_stops() {
    let server = common::postgres::Postgres::start();
    let url = server.url("publik_test");
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let row = client.query_one("SELECT current_database(), 1 + 1", &[]).unwrap();
    assert_eq!(row.get::<_, String>(0), "publik_test");
    assert_eq!(row.get::<_, i32>(1), 2);
}
