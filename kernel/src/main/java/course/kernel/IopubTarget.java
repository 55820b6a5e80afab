package course.kernel;

import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;

/**
 * Where a cell's outputs go: the iopub socket, with the cell's request as their parent. It
 * sends straight to the socket (whose send is synchronized), so any thread can use it at any
 * time, unlike the reply environment, whose deferral state belongs to the shell thread.
 */
record IopubTarget(JupyterSocket iopub, MessageContext parent) {
    <T extends ContentType<T>> void send(T content) {
        iopub.sendMessage(new Message<>(parent, content.getType(), content));
    }
}
