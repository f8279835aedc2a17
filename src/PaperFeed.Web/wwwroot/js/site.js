// PaperFeed's one script. Every page works without it; it only saves page loads.
"use strict";

// Upvote buttons: send the form in the background and update the count and state in place.
document.addEventListener("submit", async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-upvote")) {
        return;
    }
    event.preventDefault();
    const button = form.querySelector("button");
    button.disabled = true;
    try {
        const response = await fetch(form.action, {
            method: "POST",
            body: new FormData(form),
            headers: { Accept: "application/json" },
            credentials: "same-origin",
        });
        if (!response.ok) {
            form.submit(); // let the server answer in full (rate limit, missing paper)
            return;
        }
        const state = await response.json();
        const id = encodeURIComponent(state.id);
        for (const other of document.querySelectorAll("form[data-upvote]")) {
            if (new URL(other.action).pathname.split("/")[2] !== id) {
                continue;
            }
            other.action = `/papers/${id}/${state.upvoted ? "withdraw-upvote" : "upvote"}`;
            const otherButton = other.querySelector("button");
            otherButton.setAttribute("aria-pressed", String(state.upvoted));
            otherButton.setAttribute("aria-label", `${state.upvoted ? "Withdraw upvote" : "Upvote"}: ${state.upvotes} upvotes`);
            otherButton.querySelector(".count").textContent = String(state.upvotes);
        }
    } finally {
        button.disabled = false;
    }
});

// "Copy BibTeX": shown only when a script can copy.
for (const button of document.querySelectorAll("button[data-copy]")) {
    if (!navigator.clipboard) {
        continue;
    }
    button.hidden = false;
    button.addEventListener("click", async () => {
        const source = document.getElementById(button.dataset.copy);
        const status = button.parentElement.querySelector(".copy-status");
        try {
            await navigator.clipboard.writeText(source.textContent);
            status.textContent = "Copied.";
        } catch {
            status.textContent = "Could not copy: select the entry and copy it.";
        }
    });
}
