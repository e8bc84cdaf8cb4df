package dev.chats.adapters.rest.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.chats.domain.tag.Tag;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/** Open WebUI's {@code TagModel}: {@code {id, name, user_id, meta}}. */
@Serdeable
public record TagResponse(String id, String name, @JsonProperty("user_id") String userId, Map<String, Object> meta) {

    static TagResponse from(Tag tag) {
        return new TagResponse(tag.id(), tag.name(), tag.ownerId().value(), tag.meta());
    }

    static List<TagResponse> all(List<Tag> tags) {
        return tags.stream().map(TagResponse::from).toList();
    }
}
