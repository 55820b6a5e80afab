package course.kernel;

import com.google.gson.annotations.SerializedName;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;

import java.util.List;

/** A kernel_info_reply that says its status, as every reply must. */
final class KernelInfoWithStatus extends KernelInfoReply {
    @SerializedName("status")
    @SuppressWarnings("unused") // read by Gson when the reply is serialised
    private final String status = "ok";

    KernelInfoWithStatus(String protocol, String name, String version, LanguageInfo language, String banner,
            List<HelpLink> links) {
        super(protocol, name, version, language, banner, links);
    }
}
