package dev.chats.adapters.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.chats.domain.port.EmailAlreadyRegisteredException;
import dev.chats.domain.port.UserRepository;
import dev.chats.domain.user.EmailAddress;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;
import jakarta.inject.Singleton;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;

import java.util.Optional;

/** Persistence adapter: stores users in MongoDB; a unique index on {@code email} decides who registered first. */
@Singleton
@MongoPersistence
public final class MongoUserRepository implements UserRepository {

    private final MongoStore store;
    private final MongoCollection<BsonDocument> users;

    public MongoUserRepository(MongoStore store) {
        this.store = store;
        this.users = store.collection(MongoStore.USERS);
    }

    @Override
    public void add(User user) {
        store.call("add user", () -> {
            try {
                users.insertOne(new BsonDocument("_id", new BsonString(user.id().value()))
                        .append("name", new BsonString(user.name()))
                        .append("email", new BsonString(user.email().value()))
                        .append("role", new BsonString(StoredNames.role(user.role())))
                        .append("passwordHash", new BsonString(user.passwordHash()))
                        .append("profileImageUrl", new BsonString(user.profileImageUrl()))
                        .append("createdAt", new BsonInt64(user.createdAt()))
                        .append("updatedAt", new BsonInt64(user.updatedAt()))
                        .append("credentialsVersion", new BsonInt64(user.credentialsVersion())));
            } catch (MongoException e) {
                if (MongoStore.isDuplicateKey(e) && findOne("email", user.email().value()).isPresent()) {
                    throw new EmailAlreadyRegisteredException();
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public Optional<User> findById(UserId id) {
        return store.call("find user by id", () -> findOne("_id", id.value()));
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return store.call("find user by e-mail", () -> findOne("email", email.value()));
    }

    @Override
    public Optional<User> changePassword(UserId id, String passwordHash, long updatedAt) {
        return store.call("change a user's password", () -> Optional.ofNullable(users.findOneAndUpdate(
                Filters.eq("_id", id.value()),
                Updates.combine(Updates.set("passwordHash", passwordHash), Updates.set("updatedAt", updatedAt),
                        Updates.inc("credentialsVersion", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(MongoUserRepository::user));
    }

    @Override
    public boolean hasAnyUser() {
        return store.call("count users", () -> users.find().limit(1).first() != null);
    }

    private Optional<User> findOne(String field, String value) {
        return Optional.ofNullable(users.find(Filters.eq(field, value)).first()).map(MongoUserRepository::user);
    }

    private static User user(BsonDocument document) {
        return new User(new UserId(document.getString("_id").getValue()), document.getString("name").getValue(),
                new EmailAddress(document.getString("email").getValue()),
                StoredNames.role(document.getString("role").getValue()), document.getString("passwordHash").getValue(),
                document.getString("profileImageUrl").getValue(),
                document.getNumber("createdAt").longValue(), document.getNumber("updatedAt").longValue(),
                // Users stored before passwords could change have no version: they never changed it.
                document.getNumber("credentialsVersion", new BsonInt64(0)).longValue());
    }
}
