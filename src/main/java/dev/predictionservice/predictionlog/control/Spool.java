package dev.predictionservice.predictionlog.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.predictionservice.platform.RequestLogContext;
import dev.predictionservice.predictionlog.entity.PredictionRecord;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Append-only local files of records (one JSON line each) that could not reach the database. New records go to
 * {@code spool.jsonl}; a replay first renames it to {@code replay-<sequence>.jsonl}, so appends never race the
 * replay, then sends the replay files oldest first, deleting each once all of it is in the database. A crash during
 * a replay leaves the file, which is sent again at the next replay: the database ignores the duplicates.
 */
public final class Spool {

  /** Receives one chunk of replayed records; throws if it could not write them. */
  public interface Chunks {
    void accept(List<PredictionRecord> chunk) throws Exception;
  }

  private static final Logger LOG = RequestLogContext.logger(Spool.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final Path dir;
  private final Path current;
  private final long maxBytes;
  private long bytes;
  private long sequence;
  private volatile boolean hasData;
  private volatile boolean healthy = true;

  public Spool(Path dir, long maxBytes) throws IOException {
    this.dir = Files.createDirectories(dir);
    this.current = dir.resolve("spool.jsonl");
    this.maxBytes = maxBytes;
    for (Path file : files()) {
      bytes += Files.size(file);
    }
    hasData = bytes > 0;
    sequence = System.currentTimeMillis() * 1000;
  }

  /** Appends and forces the records to disk, or throws (SpoolFullException past the size limit). */
  public synchronized void append(List<PredictionRecord> records) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(records.size() * 256);
    for (PredictionRecord record : records) {
      JSON.writeValue(out, record);
      out.write('\n');
    }
    if (bytes + out.size() > maxBytes) {
      healthy = false;
      throw new SpoolFullException("Spool " + dir + " is full (" + bytes + " of " + maxBytes + " bytes)");
    }
    try (FileChannel channel = FileChannel.open(current, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
        StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(out.toByteArray()));
      channel.force(false);
    } catch (IOException e) {
      healthy = false;
      throw e;
    }
    bytes += out.size();
    hasData = true;
    healthy = true;
  }

  /** Sends every spooled record, oldest first, in chunks; returns how many were sent. Stops at the first failure. */
  public int replay(int chunkSize, Chunks chunks) throws Exception {
    rotate();
    int sent = 0;
    for (Path file : replayFiles()) {
      long size = Files.size(file);
      List<PredictionRecord> chunk = new ArrayList<>(chunkSize);
      try (BufferedReader reader = Files.newBufferedReader(file)) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          PredictionRecord record = parse(file, line);
          if (record != null) {
            chunk.add(record);
          }
          if (chunk.size() == chunkSize) {
            chunks.accept(chunk);
            sent += chunk.size();
            chunk = new ArrayList<>(chunkSize);
          }
        }
      }
      if (!chunk.isEmpty()) {
        chunks.accept(chunk);
        sent += chunk.size();
      }
      Files.delete(file);
      synchronized (this) {
        bytes -= size;
        healthy = bytes < maxBytes;
        hasData = bytes > 0;
      }
    }
    return sent;
  }

  private static PredictionRecord parse(Path file, String line) {
    try {
      return line.isBlank() ? null : JSON.readValue(line, PredictionRecord.class);
    } catch (IOException e) {
      // Only the last line of a file can be cut short (a crash while appending); nothing after it was acknowledged.
      LOG.warning(() -> "Skipping an unreadable spool line in " + file + ": " + e.getMessage());
      return null;
    }
  }

  private synchronized void rotate() throws IOException {
    if (Files.exists(current) && Files.size(current) > 0) {
      sequence = Math.max(sequence + 1, System.currentTimeMillis() * 1000);
      Files.move(current, dir.resolve(String.format("replay-%020d.jsonl", sequence)),
          StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private List<Path> replayFiles() throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.getFileName().toString().startsWith("replay-")).sorted().toList();
    }
  }

  private List<Path> files() throws IOException {
    List<Path> all = new ArrayList<>(replayFiles());
    if (Files.exists(current)) {
      all.add(current);
    }
    return all;
  }

  public boolean hasData() {
    return hasData;
  }

  /** False after an append failed (disk full, limit reached) until one succeeds or a replay frees space. */
  public boolean isHealthy() {
    return healthy;
  }

  public synchronized long bytes() {
    return bytes;
  }

  public Path dir() {
    return dir;
  }
}
