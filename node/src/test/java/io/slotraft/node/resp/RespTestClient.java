package io.slotraft.node.resp;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/** A bare RESP client on a plain socket: raw bytes out, one reply at a time in. */
final class RespTestClient implements AutoCloseable {
  private final Socket socket = new Socket();
  private final OutputStream out;
  private final InputStream in;

  RespTestClient(int port) throws IOException {
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setSoTimeout(20_000);
    out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
  }

  void send(String raw) throws IOException {
    send(raw.getBytes(ISO_8859_1));
  }

  void send(byte[] raw) throws IOException {
    out.write(raw);
    out.flush();
  }

  /** Sends without flushing; {@link #flush()} sends it all at once. */
  void queue(String raw) throws IOException {
    out.write(raw.getBytes(ISO_8859_1));
  }

  void flush() throws IOException {
    out.flush();
  }

  /** One reply: status, error and integer lines as sent; a bulk as "$" + payload, nil as "$-1". */
  String readReply() throws IOException {
    String line = readLine();
    if (!line.startsWith("$") || line.equals("$-1")) {
      return line;
    }
    byte[] payload = in.readNBytes(Integer.parseInt(line.substring(1)) + 2);
    return "$" + new String(payload, 0, payload.length - 2, ISO_8859_1);
  }

  /** True when the server has closed the connection and nothing more is to be read. */
  boolean closedByServer() throws IOException {
    return in.read() == -1;
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b == -1) {
        throw new IOException("connection closed after '" + line + "'");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
