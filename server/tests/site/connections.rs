//! How the app holds its connections.

use axum::serve::Listener;

/// A kept-alive request for a static file must not wait on Nagle's algorithm (40 ms per
/// request against a client's delayed ACK): every connection the app accepts has it off.
#[tokio::test]
async fn accepted_connections_send_small_writes_at_once() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    let address = listener.local_addr().expect("a bound address");
    let mut accepting = dayfinder_server::startup::accepting(listener);
    let client = tokio::spawn(tokio::net::TcpStream::connect(address));
    let (server_side, _) = accepting.accept().await;
    assert!(
        server_side.nodelay().expect("the socket option reads"),
        "the server's side of a connection has TCP_NODELAY set"
    );
    drop(client.await);
}
