package dev.chats.adapters.mongo;

import org.bson.BsonDocument;
import org.bson.RawBsonDocument;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits documents to write into batches a server accepts in one command: at most {@link #DOCUMENTS} documents and
 * about {@link #BYTES} bytes each (the server's own limit is 48 MB per message; a batch stays well under it).
 */
final class WriteBatches {

    static final int DOCUMENTS = 1_000;
    static final int BYTES = 8 * 1024 * 1024;

    private WriteBatches() {
    }

    static <D extends BsonDocument> List<List<D>> of(List<D> documents) {
        List<List<D>> batches = new ArrayList<>();
        List<D> batch = new ArrayList<>();
        long bytes = 0;
        for (D document : documents) {
            int size = document instanceof RawBsonDocument raw ? ChatDocumentMapper.size(raw)
                    : ChatDocumentMapper.size(ChatDocumentMapper.raw(document));
            if (!batch.isEmpty() && (batch.size() >= DOCUMENTS || bytes + size > BYTES)) {
                batches.add(batch);
                batch = new ArrayList<>();
                bytes = 0;
            }
            batch.add(document);
            bytes += size;
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }
}
