package dev.chats.adapters.rest.request;

import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.ExecutorService;

/**
 * Where a streamed answer waits for the model: one thread of the server's blocking executor per open stream. Reactor's
 * bounded elastic scheduler would run only ten per core and queue the rest, so the 21st client of a 2-core server
 * would see nothing until an earlier answer ended; a stream spends its life waiting on the network, not computing,
 * so a thread each (about 20 KiB resident while it waits) is what holding hundreds of them costs.
 */
@Singleton
public final class ModelStreamScheduler {

    private final Scheduler scheduler;

    public ModelStreamScheduler(@Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.scheduler = Schedulers.fromExecutorService(blocking, "model-streams");
    }

    public Scheduler scheduler() {
        return scheduler;
    }
}
